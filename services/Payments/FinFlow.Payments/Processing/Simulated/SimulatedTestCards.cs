using System.Collections.Frozen;
using FinFlow.Payments.CardData;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>
/// Stripe's documented test payment methods (docs.stripe.com/testing), answered as Stripe's test mode
/// does: the same card brand, last four digits, outcome and decline code.
/// </summary>
public static class SimulatedTestCards
{
    private const string Declined = "Your card was declined.";

    private static readonly FrozenDictionary<string, SimulatedCard> Cards = new[]
    {
        Succeeds("pm_card_visa", "visa", "4242"),
        Succeeds("pm_card_visa_debit", "visa", "5556"),
        Succeeds("pm_card_mastercard", "mastercard", "4444"),
        Succeeds("pm_card_amex", "amex", "8431"),
        Declines("pm_card_chargeDeclined", "0002", "card_declined", "generic_decline", Declined),
        Declines("pm_card_chargeDeclinedInsufficientFunds", "9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
        // The short alias the FinFlow docs use for the same card.
        Declines("pm_card_insufficientFunds", "9995", "card_declined", "insufficient_funds", "Your card has insufficient funds."),
        Declines("pm_card_chargeDeclinedLostCard", "9987", "card_declined", "lost_card", Declined),
        Declines("pm_card_chargeDeclinedStolenCard", "9979", "card_declined", "stolen_card", Declined),
        Declines("pm_card_chargeDeclinedFraudulent", "0019", "card_declined", "fraudulent", Declined),
        Declines("pm_card_chargeDeclinedExpiredCard", "0069", "expired_card", null, "Your card has expired."),
        Declines("pm_card_chargeDeclinedIncorrectCvc", "0127", "incorrect_cvc", null, "Your card's security code is incorrect."),
        Declines("pm_card_chargeDeclinedProcessingError", "0119", "processing_error", null, "An error occurred while processing your card. Try again in a little bit."),
        NeedsAction("pm_card_authenticationRequired", "3184"),
        NeedsAction("pm_card_threeDSecure2Required", "3220"),
    }.ToFrozenDictionary(card => card.PaymentMethod, StringComparer.Ordinal);

    public static IReadOnlyCollection<SimulatedCard> All => Cards.Values;

    public static bool TryFind(string paymentMethod, out SimulatedCard? card) => Cards.TryGetValue(paymentMethod, out card);

    private static SimulatedCard Succeeds(string paymentMethod, string brand, string last4) =>
        new(paymentMethod, new CardSummary(brand, last4), ProcessorOutcome.Succeeded);

    private static SimulatedCard Declines(string paymentMethod, string last4, string errorCode, string? declineCode, string message) =>
        new(paymentMethod, new CardSummary("visa", last4), ProcessorOutcome.Failed, errorCode, declineCode, message);

    private static SimulatedCard NeedsAction(string paymentMethod, string last4) =>
        new(paymentMethod, new CardSummary("visa", last4), ProcessorOutcome.RequiresAction);
}
