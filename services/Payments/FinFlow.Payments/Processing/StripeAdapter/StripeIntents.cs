using FinFlow.Payments.CardData;
using Stripe;

namespace FinFlow.Payments.Processing.StripeAdapter;

/// <summary>Reads what FinFlow needs from a Stripe PaymentIntent, whether it came from an API answer or a webhook.</summary>
public static class StripeIntents
{
    public static ProcessorChargeResult ToResult(PaymentIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var card = CardOf(intent);
        return intent.Status switch
        {
            "succeeded" => new ProcessorChargeResult(ProcessorOutcome.Succeeded, intent.Id, card, FeeMinor: intent.LatestCharge?.BalanceTransaction?.Fee),
            "requires_action" => new ProcessorChargeResult(ProcessorOutcome.RequiresAction, intent.Id, card),
            "requires_payment_method" => new ProcessorChargeResult(ProcessorOutcome.Failed, intent.Id, card,
                FailureCode(intent.LastPaymentError), intent.LastPaymentError?.Message),
            "canceled" => new ProcessorChargeResult(ProcessorOutcome.Failed, intent.Id, card, "canceled", intent.CancellationReason),
            // processing, requires_confirmation, requires_capture: the outcome arrives by webhook.
            _ => new ProcessorChargeResult(ProcessorOutcome.Pending, intent.Id, card),
        };
    }

    /// <summary>The issuer's decline code when there is one (<c>insufficient_funds</c>), else Stripe's error code.</summary>
    public static string FailureCode(StripeError? error) => error?.DeclineCode ?? error?.Code ?? "payment_failed";

    public static CardSummary? CardOf(PaymentIntent? intent)
    {
        var card = intent?.PaymentMethod?.Card;
        return card?.Brand is { Length: > 0 } brand && card.Last4 is { Length: 4 } last4 ? new CardSummary(brand, last4) : null;
    }
}
