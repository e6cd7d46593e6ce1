namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// Limits for supervised binning. Bins below <see cref="MinimumBinShare"/> of the rows are merged because their
/// weight of evidence would be noise; <see cref="MaximumBins"/> keeps each points table short enough to read.
/// </summary>
public sealed record BinningOptions(int InitialBins = 20, int MaximumBins = 8, double MinimumBinShare = 0.05)
{
    public static BinningOptions Default { get; } = new();
}
