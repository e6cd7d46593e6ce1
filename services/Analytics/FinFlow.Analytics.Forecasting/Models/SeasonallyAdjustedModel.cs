using FinFlow.Analytics.Forecasting.Seasonality;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// Runs a non-seasonal method on the M4 seasonally adjusted series and puts the season back into its
/// forecasts: Naive2, SES, Holt, Damped and Theta are this wrapper around Naive, ETS and Theta.
/// </summary>
public sealed class SeasonallyAdjustedModel(string name, IForecastModel inner) : IForecastModel
{
    public string Name => name;

    public bool CanFit(int length, SeriesContext context) => inner.CanFit(length, context);

    public IFittedModel Fit(double[] values, SeriesContext context)
    {
        var adjustment = SeasonalAdjustment.Estimate(values, context.SeasonalPeriod);
        var fitted = inner.Fit(adjustment.Adjust(values), context);
        return new Fitted(adjustment, fitted);
    }

    private sealed class Fitted(SeasonalAdjustment adjustment, IFittedModel inner) : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon) =>
            adjustment.Reseasonalize(inner.Forecast(adjustment.Adjust(history), horizon), history.Length);
    }
}
