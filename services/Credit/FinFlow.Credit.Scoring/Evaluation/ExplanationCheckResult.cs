namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// Outcome of the explanation checks on the reference grid: monotonicity of PD in delinquencies (non-decreasing)
/// and in cash flow (non-increasing), and reasons for every decline.
/// </summary>
public sealed record ExplanationCheckResult(
    int MonotonicityPairs,
    int DelinquencyViolations,
    int CashflowViolations,
    int Declines,
    int DeclinesWithReasons,
    IReadOnlyList<string> Examples)
{
    public bool Passed => DelinquencyViolations == 0 && CashflowViolations == 0 && DeclinesWithReasons == Declines;
}
