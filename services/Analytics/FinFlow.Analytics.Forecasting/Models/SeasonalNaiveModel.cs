namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// Seasonal naive: each future value equals the value one period earlier (the last cycle repeated).
/// With period 1, or fewer values than one period, it is the naive forecast, as in the M4 code.
/// </summary>
public sealed class SeasonalNaiveModel(int? period = null) : IForecastModel
{
    public string Name => period is { } p ? $"SeasonalNaive{p}" : "SeasonalNaive";

    public bool CanFit(int length, SeriesContext context) => length >= 1;

    public IFittedModel Fit(double[] values, SeriesContext context) => new Fitted(period ?? context.SeasonalPeriod);

    private sealed class Fitted(int period) : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            var forecast = new double[horizon];
            var n = history.Length;
            for (var j = 0; j < horizon; j++)
            {
                forecast[j] = period <= 1 || n < period ? history[^1] : history[n - period + (j % period)];
            }

            return forecast;
        }
    }
}
