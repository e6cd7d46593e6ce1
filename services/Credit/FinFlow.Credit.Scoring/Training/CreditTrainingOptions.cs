namespace FinFlow.Credit.Scoring.Training;

/// <summary>Input of a credit training run. The seed drives the hold-out split, the calibration fold and LightGBM.</summary>
public sealed record CreditTrainingOptions(string TaiwanCsvPath, int Seed = CreditTrainingOptions.DefaultSeed)
{
    public const int DefaultSeed = 42;

    /// <summary>One fold in five (20%) is held out for the card's metrics and the ship decision.</summary>
    public const int HoldOutFolds = 5;
}
