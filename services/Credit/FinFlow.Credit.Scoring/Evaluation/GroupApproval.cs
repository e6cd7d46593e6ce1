namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// Approval rate of one protected group at the decision cut-off, and its ratio to the most-approved group of the
/// same attribute; the four-fifths rule flags a ratio below 0.8.
/// </summary>
public sealed record GroupApproval(string Attribute, string Group, int Count, double ApprovalRate, double RatioToBest)
{
    public bool PassesFourFifths => RatioToBest >= 0.8;
}
