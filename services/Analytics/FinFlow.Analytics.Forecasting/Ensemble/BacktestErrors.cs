namespace FinFlow.Analytics.Forecasting.Ensemble;

/// <summary>Out-of-sample errors (actual − forecast), Errors[origin][step], with their mean sMAPE and MASE.</summary>
public sealed record BacktestErrors(double[][] Errors, double Smape, double? Mase)
{
    public int Origins => Errors.Length;
}
