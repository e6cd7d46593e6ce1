namespace FinFlow.Credit.Decisions;

/// <summary>The audit record a decision was stored as: its id and the time it was made.</summary>
public sealed record RecordedDecision(Guid Id, DateTimeOffset CreatedAt);
