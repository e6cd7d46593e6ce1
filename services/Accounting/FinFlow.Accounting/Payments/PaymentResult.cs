namespace FinFlow.Accounting.Payments;

/// <summary>The outcome of one payment event, with a reason for the log when it was not simply applied.</summary>
public sealed record PaymentResult(PaymentOutcome Outcome, string? Detail = null);
