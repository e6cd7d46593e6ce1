using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Scores;

/// <summary>A score as the API returns it; <c>decisionId</c> names the audit record it was stored as.</summary>
public sealed record ScoreResponse(
    int CreditScore,
    double ProbabilityOfDefault,
    RiskBand RiskBand,
    IReadOnlyList<ScoreReason> Reasons,
    string ModelVersion,
    Guid DecisionId);
