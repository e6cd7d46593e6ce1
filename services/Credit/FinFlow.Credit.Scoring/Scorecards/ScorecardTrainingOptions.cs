namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// Settings of a scorecard fit. Features whose information value is below <see cref="MinimumInformationValue"/>
/// (0.02 is the usual "not predictive" line) are left out before the regression. The calibration map is fitted on
/// out-of-fold log-odds from <see cref="CalibrationFolds"/> inner fits, its blocks holding at least
/// <see cref="CalibrationBlockShare"/> of the rows (and never fewer than 50).
/// </summary>
public sealed record ScorecardTrainingOptions(
    int Seed,
    BinningOptions Binning,
    float L2Regularization = 0.01f,
    double MinimumInformationValue = 0.02,
    int CalibrationFolds = 5,
    double CalibrationBlockShare = 0.02)
{
    public static ScorecardTrainingOptions WithSeed(int seed) => new(seed, BinningOptions.Default);
}
