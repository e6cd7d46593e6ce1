using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Decisions;

/// <summary>An audited decision as <c>GET /credit/decisions</c> shows it: metrics and codes, no personal data.</summary>
public sealed record DecisionView(
    Guid Id,
    Guid UserId,
    string Kind,
    string ModelVersion,
    string InputSha256,
    int CreditScore,
    double ProbabilityOfDefault,
    RiskBand RiskBand,
    IReadOnlyList<ScoreReason> Reasons,
    DateTimeOffset CreatedAt);
