namespace FinFlow.Payments.Processing;

/// <summary>A refund the processor accepted (<see cref="Succeeded"/>) or refused, with its reason.</summary>
public sealed record ProcessorRefundResult(bool Succeeded, string? ProcessorRefundId, string? FailureMessage = null);
