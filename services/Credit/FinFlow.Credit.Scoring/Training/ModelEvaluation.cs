using FinFlow.Credit.Scoring.Evaluation;

namespace FinFlow.Credit.Scoring.Training;

/// <summary>A candidate's hold-out metrics and explanation checks.</summary>
public sealed record ModelEvaluation(string Model, BinaryMetrics HoldOut, ExplanationCheckResult Checks);
