namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>Gradient-boosting settings; one thread and a fixed seed make training reproducible.</summary>
public sealed record LightGbmSettings(int Iterations = 300, double LearningRate = 0.05, int Leaves = 31, int MinLeafCount = 20, int MaxRowsPerSeries = 1000, int Seed = 20260101)
{
    /// <summary>Smaller trees for a model trained on one short series (the per-request case).</summary>
    public static LightGbmSettings SingleSeries { get; } = new(Iterations: 200, LearningRate: 0.05, Leaves: 15, MinLeafCount: 10);
}
