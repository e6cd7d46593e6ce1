namespace FinFlow.Analytics.Forecasting.Metrics;

/// <summary>
/// Accumulates per-series sMAPE and MASE the way M4 aggregates them: each series' mean over its
/// horizon, then the mean over series.
/// </summary>
public sealed class AccuracySummary
{
    private double smapeSum;
    private double maseSum;

    public int Count { get; private set; }

    public double Smape => Count == 0 ? double.NaN : smapeSum / Count;

    public double Mase => Count == 0 ? double.NaN : maseSum / Count;

    public void Add(ReadOnlySpan<double> insample, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, int seasonalPeriod)
    {
        smapeSum += ForecastAccuracy.Smape(actual, forecast);
        maseSum += ForecastAccuracy.Mase(insample, actual, forecast, seasonalPeriod);
        Count++;
    }

    public double OwaAgainst(AccuracySummary naive2) => ForecastAccuracy.Owa(Smape, Mase, naive2.Smape, naive2.Mase);
}
