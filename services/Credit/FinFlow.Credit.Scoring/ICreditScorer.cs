namespace FinFlow.Credit.Scoring;

/// <summary>
/// A trained model seen from the scoring side: log-odds of default for a row of <c>CreditFeatures</c>, and the
/// points each column costs the applicant. A column whose <c>observed</c> flag is false came from an optional input
/// that was not given.
/// </summary>
public interface ICreditScorer
{
    /// <summary>"scorecard" or "challenger".</summary>
    string Kind { get; }

    double DefaultLogit(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null);

    /// <summary>Points lost per column (≥ 0), in column order.</summary>
    IReadOnlyList<double> PointsLost(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null);
}
