namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>Out-of-fold results: every row scored by the model of the fold that did not train on it.</summary>
public sealed record CrossValidationResult(double[] Probabilities, bool[] HasReason)
{
    public BinaryMetrics Metrics(IReadOnlyList<bool> defaulted) => BinaryMetrics.Compute(Probabilities, defaulted);
}
