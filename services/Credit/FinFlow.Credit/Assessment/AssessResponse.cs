using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Assessment;

/// <summary>
/// An assessment: the score of the caller's books, the features it was computed from (so the caller can see what
/// the books said), the books' currency and the 30-day P10 cash-flow forecast when analytics gave one.
/// </summary>
public sealed record AssessResponse(
    int CreditScore,
    double ProbabilityOfDefault,
    RiskBand RiskBand,
    IReadOnlyList<ScoreReason> Reasons,
    string ModelVersion,
    Guid DecisionId,
    BusinessFeatures Features,
    string? Currency,
    decimal? ForecastP10,
    DateTimeOffset AssessedAt);
