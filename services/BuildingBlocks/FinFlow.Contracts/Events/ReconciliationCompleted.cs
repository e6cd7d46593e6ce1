namespace FinFlow.Contracts.Events;

/// <summary>A reconciliation run matched ledger cash against processor payments for a period.</summary>
public sealed record ReconciliationCompleted(
    Guid RunId,
    Guid UserId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Matched,
    int Unmatched,
    decimal Difference,
    string Currency,
    DateTimeOffset CompletedAt) : IIntegrationEvent
{
    public static string Topic => Topics.ReconciliationCompleted;
}
