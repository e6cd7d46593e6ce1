using FinFlow.Payments.CardData;

namespace FinFlow.Payments.Processing;

/// <summary>The processor's answer to a charge. <see cref="ProcessorPaymentId"/> is null only when it created nothing.</summary>
public sealed record ProcessorChargeResult(
    ProcessorOutcome Outcome,
    string? ProcessorPaymentId,
    CardSummary? Card,
    string? FailureCode = null,
    string? FailureMessage = null,
    long? FeeMinor = null);
