using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Decisions;

/// <summary>A user's assessment as offers are priced from it.</summary>
public sealed record StoredAssessment(
    Guid Id,
    DateTimeOffset CreatedAt,
    string ModelVersion,
    int CreditScore,
    double ProbabilityOfDefault,
    RiskBand RiskBand,
    IReadOnlyList<ScoreReason> Reasons,
    AssessmentCapacity Capacity);
