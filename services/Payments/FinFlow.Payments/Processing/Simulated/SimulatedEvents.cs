using System.Text.Json;
using Stripe;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>
/// The webhook body the simulated processor sends: a Stripe <c>event</c> object (snake_case, unix times,
/// lower-case currency, the intent under <c>data.object</c>) of the API version Stripe.net is pinned to,
/// so the webhook endpoint parses it exactly as it parses Stripe's.
/// </summary>
public static class SimulatedEvents
{
    public const string Succeeded = "payment_intent.succeeded";
    public const string PaymentFailed = "payment_intent.payment_failed";
    public const string RequiresAction = "payment_intent.requires_action";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Build(string eventId, string intentId, ProcessorChargeRequest request, SimulatedCard card, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(card);
        var created = createdAt.ToUnixTimeSeconds();
        var (type, status) = card.Outcome switch
        {
            ProcessorOutcome.Succeeded => (Succeeded, "succeeded"),
            ProcessorOutcome.Failed => (PaymentFailed, "requires_payment_method"),
            ProcessorOutcome.RequiresAction => (RequiresAction, "requires_action"),
            _ => throw new ArgumentOutOfRangeException(nameof(card), card.Outcome, "A simulated card settles one way or another."),
        };
        object? error = card.Outcome == ProcessorOutcome.Failed
            ? new { Type = "card_error", Code = card.ErrorCode, DeclineCode = card.DeclineCode, card.Message }
            : null;
        var succeeded = card.Outcome == ProcessorOutcome.Succeeded;
        var intent = new
        {
            Id = intentId,
            Object = "payment_intent",
            Amount = request.Amount.MinorUnits,
            AmountReceived = succeeded ? request.Amount.MinorUnits : 0,
            Currency = request.Amount.Currency.Code.ToLowerInvariant(),
            Status = status,
            Created = created,
            Livemode = false,
            CaptureMethod = "automatic",
            ConfirmationMethod = "automatic",
            PaymentMethod = request.PaymentMethod,
            LatestCharge = succeeded ? $"ch_sim_{intentId["pi_sim_".Length..]}" : null,
            LastPaymentError = error,
            Metadata = new Dictionary<string, string>
            {
                [ProcessorMetadata.PaymentId] = request.PaymentId.ToString(),
                [ProcessorMetadata.InvoiceId] = request.InvoiceId.ToString(),
                [ProcessorMetadata.UserId] = request.UserId.ToString(),
            },
        };
        var stripeEvent = new
        {
            Id = eventId,
            Object = "event",
            ApiVersion = StripeConfiguration.ApiVersion,
            Created = created,
            Livemode = false,
            PendingWebhooks = 1,
            Request = new { Id = (string?)null, request.IdempotencyKey },
            Type = type,
            Data = new { Object = intent },
        };
        return JsonSerializer.Serialize(stripeEvent, SnakeCase);
    }
}
