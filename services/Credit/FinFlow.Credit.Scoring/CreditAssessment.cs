namespace FinFlow.Credit.Scoring;

/// <summary>The outcome of scoring one business. Reasons are ordered by the points they cost, largest first.</summary>
public sealed record CreditAssessment(
    int CreditScore,
    double ProbabilityOfDefault,
    RiskBand RiskBand,
    IReadOnlyList<ScoreReason> Reasons,
    string ModelVersion);
