namespace FinFlow.Payments.Processing;

/// <summary>Where the processor left a payment when it answered.</summary>
public enum ProcessorOutcome
{
    /// <summary>Accepted; the result comes later by webhook.</summary>
    Pending,
    Succeeded,
    Failed,
    RequiresAction,
}
