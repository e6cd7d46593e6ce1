namespace FinFlow.Analytics.Forecasting.Ensemble;

public enum EnsembleCombination
{
    Mean,
    Median,
}
