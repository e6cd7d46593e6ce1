namespace FinFlow.Credit.Decisions;

/// <summary>A reason as the audit keeps it: the fixed code and the points it cost, never wording or user text.</summary>
public sealed record StoredReason(string Code, int Impact);
