namespace FinFlow.Credit.Scoring.Challengers;

/// <summary>ML.NET output row of the challenger chain.</summary>
internal sealed class ChallengerPrediction
{
    /// <summary>Platt-calibrated probability of default.</summary>
    public float Probability { get; set; }

    /// <summary>Per-column contribution to the raw boosted score (positive = towards default).</summary>
    public float[] FeatureContributions { get; set; } = [];
}
