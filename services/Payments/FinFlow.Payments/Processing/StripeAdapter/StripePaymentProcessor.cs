using System.Net;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Payments.CardData;
using FinFlow.Payments.Hosting;
using Stripe;

namespace FinFlow.Payments.Processing.StripeAdapter;

/// <summary>
/// Stripe through Stripe.net: a PaymentIntent created and confirmed in one call with the given payment
/// method, amounts in minor units, our idempotency key on the request, our ids in its metadata. The
/// payment method and the charge's balance transaction are expanded so the answer carries the card's
/// brand and last4 and the fee when the payment settles at once.
/// </summary>
public sealed partial class StripePaymentProcessor(IStripeClient stripe, ILogger<StripePaymentProcessor> logger) : IPaymentProcessor
{
    private readonly PaymentIntentService _intents = new(stripe);
    private readonly RefundService _refunds = new(stripe);

    public string Name => PaymentsOptions.StripeProcessor;

    public async Task<ProcessorChargeResult> ChargeAsync(ProcessorChargeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new PaymentIntentCreateOptions
        {
            Amount = request.Amount.MinorUnits,
            Currency = request.Amount.Currency.Code.ToLowerInvariant(),
            PaymentMethod = request.PaymentMethod,
            Confirm = true,
            // Confirmed on the server with no page to come back to: only methods that need no redirect.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Metadata = new Dictionary<string, string>
            {
                [ProcessorMetadata.PaymentId] = request.PaymentId.ToString(),
                [ProcessorMetadata.InvoiceId] = request.InvoiceId.ToString(),
                [ProcessorMetadata.UserId] = request.UserId.ToString(),
            },
            Expand = ["payment_method", "latest_charge.balance_transaction"],
        };
        try
        {
            var intent = await _intents.CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
            return StripeIntents.ToResult(intent);
        }
        catch (StripeException e) when (e.StripeError?.Type == "card_error")
        {
            // A decline: Stripe answers 402 and the intent is left requiring a new payment method.
            var error = e.StripeError;
            var intent = error.PaymentIntent;
            LogDeclined(logger, request.PaymentId, error.DeclineCode ?? error.Code);
            return new ProcessorChargeResult(ProcessorOutcome.Failed, intent?.Id, StripeIntents.CardOf(intent),
                error.DeclineCode ?? error.Code ?? "card_declined", error.Message);
        }
        catch (Exception e) when (IsTransient(e))
        {
            LogUnavailable(logger, e, "charge", request.PaymentId);
            throw new ProcessorUnavailableException("Stripe could not be reached or asked us to slow down; retry with the same Idempotency-Key.", e);
        }
        catch (StripeException e)
        {
            // invalid_request_error and the like: the request itself is wrong (e.g. an unknown payment method), retrying cannot help.
            LogRejected(logger, e, "charge", request.PaymentId, e.StripeError?.Code);
            return new ProcessorChargeResult(ProcessorOutcome.Failed, e.StripeError?.PaymentIntent?.Id, null,
                e.StripeError?.Code ?? "processor_rejected", e.StripeError?.Message ?? e.Message);
        }
    }

    public async Task<ProcessorRefundResult> RefundAsync(ProcessorRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new RefundCreateOptions
        {
            PaymentIntent = request.ProcessorPaymentId,
            Amount = request.Amount.MinorUnits,
            Metadata = new Dictionary<string, string> { [ProcessorMetadata.RefundId] = request.RefundId.ToString(), [ProcessorMetadata.PaymentId] = request.PaymentId.ToString() },
        };
        try
        {
            var refund = await _refunds.CreateAsync(options, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
            // Card refunds are "succeeded" at once; "pending" ones are on their way and do not come back.
            return refund.Status is "failed" or "canceled"
                ? new ProcessorRefundResult(false, refund.Id, $"Stripe reports the refund {refund.Status}.")
                : new ProcessorRefundResult(true, refund.Id);
        }
        catch (Exception e) when (IsTransient(e))
        {
            LogUnavailable(logger, e, "refund", request.PaymentId);
            throw new ProcessorUnavailableException("Stripe could not be reached; the refund was not confirmed.", e);
        }
        catch (StripeException e)
        {
            LogRejected(logger, e, "refund", request.PaymentId, e.StripeError?.Code);
            return new ProcessorRefundResult(false, null, e.StripeError?.Message ?? e.Message);
        }
    }

    public async Task<long?> FindFeeAsync(string processorPaymentId, Money amount, CancellationToken cancellationToken)
    {
        try
        {
            var intent = await _intents.GetAsync(processorPaymentId, new PaymentIntentGetOptions { Expand = ["latest_charge.balance_transaction"] },
                cancellationToken: cancellationToken);
            return intent.LatestCharge?.BalanceTransaction?.Fee;
        }
        catch (Exception e) when (e is StripeException || IsTransient(e))
        {
            // The fee is informative; the payment settles without it rather than waiting on Stripe.
            LogUnavailable(logger, e, "fee lookup", Guid.Empty);
            return null;
        }
    }

    /// <summary>Rate limits, Stripe's own errors, authentication trouble on our side and network failures: nothing the payer did.</summary>
    private static bool IsTransient(Exception e) => e switch
    {
        StripeException { HttpStatusCode: HttpStatusCode.TooManyRequests } => true,
        StripeException { HttpStatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden } => true,
        StripeException stripe when (int)stripe.HttpStatusCode >= 500 => true,
        StripeException { StripeError.Type: "api_error" } => true,
        HttpRequestException => true,
        TaskCanceledException or TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe declined payment {PaymentId}: {DeclineCode}")]
    private static partial void LogDeclined(ILogger logger, Guid paymentId, string? declineCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe unavailable during {Operation} of payment {PaymentId}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string operation, Guid paymentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe rejected the {Operation} of payment {PaymentId} ({Code})")]
    private static partial void LogRejected(ILogger logger, Exception exception, string operation, Guid paymentId, string? code);
}
