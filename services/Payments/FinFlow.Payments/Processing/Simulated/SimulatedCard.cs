using FinFlow.Payments.CardData;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>One of Stripe's test payment methods and how Stripe's test mode answers it.</summary>
public sealed record SimulatedCard(string PaymentMethod, CardSummary Card, ProcessorOutcome Outcome, string? ErrorCode = null, string? DeclineCode = null, string? Message = null)
{
    /// <summary>What payment_failed events and the API report: the issuer's decline code, else the error code.</summary>
    public string? FailureCode => DeclineCode ?? ErrorCode;
}
