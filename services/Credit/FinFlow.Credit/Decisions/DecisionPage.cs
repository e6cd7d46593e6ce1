namespace FinFlow.Credit.Decisions;

/// <summary>One page of a user's decisions, newest first.</summary>
public sealed record DecisionPage(IReadOnlyList<DecisionView> Items, int Page, int PageSize, long Total);
