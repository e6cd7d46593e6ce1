namespace FinFlow.Credit.Decisions;

/// <summary>What produced a decision: a direct score of a described business, or an assessment of the caller's books.</summary>
public static class DecisionKind
{
    public const string Score = "score";
    public const string Assess = "assess";
}
