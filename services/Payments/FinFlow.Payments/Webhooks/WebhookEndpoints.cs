using System.Text;
using FinFlow.Payments.Audit;
using FinFlow.Payments.Hosting;
using FinFlow.Payments.Processing.Simulated;
using Microsoft.Extensions.Options;
using Stripe;

namespace FinFlow.Payments.Webhooks;

/// <summary>
/// <c>POST /payments/webhook</c>: anonymous, but nothing is believed until Stripe.net's verifier has checked
/// the <c>Stripe-Signature</c> (HMAC-SHA256 with the endpoint secret) and its timestamp (± tolerance, 300 s).
/// A missing, wrong, stale or tampered signature is a 400 that changes nothing. The same path serves Stripe
/// and the simulated processor.
/// </summary>
public static partial class WebhookEndpoints
{
    /// <summary>Stripe's events are a few kilobytes; anything far larger is not one of them.</summary>
    public const int MaxBodyBytes = 512 * 1024;

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapPost("/payments/webhook", HandleAsync)
            .WithTags("Webhooks")
            .AllowAnonymous()
            .Accepts<object>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return routes;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, WebhookProcessor webhooks, IOptions<PaymentsOptions> options, AuditLog audit, TimeProvider time,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(WebhookEndpoints));
        if (context.Request.ContentLength > MaxBodyBytes) return await RejectAsync(audit, "too_large", "The webhook body is too large.");
        string payload;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            payload = await reader.ReadToEndAsync(cancellationToken);
        }

        var signature = context.Request.Headers[StripeSignature.HeaderName].ToString();
        if (string.IsNullOrEmpty(signature)) return await RejectAsync(audit, "missing_signature", "The Stripe-Signature header is missing.");

        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signature, options.Value.WebhookSecret, options.Value.WebhookToleranceSeconds,
                time.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (StripeException e)
        {
            LogRejected(logger, e.Message);
            return await RejectAsync(audit, "bad_signature", "The Stripe-Signature does not verify, or its timestamp is outside the tolerance.");
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            LogRejected(logger, e.Message);
            return await RejectAsync(audit, "malformed", "The signed body is not a Stripe event.");
        }

        // Stripe sends events in the webhook endpoint's API version; only the stable fields are read, so an
        // older or newer version is accepted rather than dropped, and noted for whoever upgrades Stripe.net.
        if (!string.Equals(stripeEvent.ApiVersion, StripeConfiguration.ApiVersion, StringComparison.Ordinal))
        {
            LogVersionMismatch(logger, stripeEvent.Id, stripeEvent.ApiVersion, StripeConfiguration.ApiVersion);
        }

        var outcome = await webhooks.ApplyAsync(stripeEvent, cancellationToken);
        return TypedResults.Ok(new { received = true, outcome = WebhookProcessor.Describe(outcome) });
    }

    private static async Task<IResult> RejectAsync(AuditLog audit, string reason, string title)
    {
        await audit.WriteAsync(AuditActions.Webhook, "rejected", null, null, new { reason }, CancellationToken.None);
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a webhook: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {EventId} has API version {EventVersion}; Stripe.net is pinned to {LibraryVersion}")]
    private static partial void LogVersionMismatch(ILogger logger, string eventId, string? eventVersion, string libraryVersion);
}
