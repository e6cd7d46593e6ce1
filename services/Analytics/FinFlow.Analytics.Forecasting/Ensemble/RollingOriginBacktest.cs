using FinFlow.Analytics.Forecasting.Metrics;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Analytics.Forecasting.Ensemble;

/// <summary>
/// Rolling-origin evaluation inside the history: the model is estimated once on the data before the
/// earliest origin, then forecasts from every origin with its states filtered through the data up to
/// that origin (parameters fixed). Every error is out of sample, and the cost is one estimation.
/// Origins step back from the end by <c>stride</c>; with the weekly cycle as stride (daily data) they
/// fall on the same weekday as the real forecast's origin, so step j's errors are for the same weekday.
/// </summary>
public static class RollingOriginBacktest
{
    public static BacktestErrors? Run(IForecastModel model, double[] values, SeriesContext context, int horizon, int origins, int stride, int maseSeasonalPeriod)
    {
        var n = values.Length;
        var firstStep = (horizon + stride - 1) / stride;
        var count = origins;
        while (count > 0 && !model.CanFit(n - stride * (firstStep + count - 1), context))
        {
            count--;
        }

        if (count == 0)
        {
            return null;
        }

        var earliest = n - stride * (firstStep + count - 1);
        var fitted = model.Fit(values[..earliest], context);
        var errors = new double[count][];
        var smape = new AccuracySummary();
        double maseSum = 0;
        var maseCount = 0;
        for (var k = 0; k < count; k++)
        {
            var origin = earliest + stride * k;
            var forecast = fitted.Forecast(values.AsSpan(0, origin), horizon);
            var actual = values.AsSpan(origin, horizon);
            errors[k] = new double[horizon];
            for (var j = 0; j < horizon; j++)
            {
                errors[k][j] = actual[j] - forecast[j];
            }

            var mase = ForecastAccuracy.Mase(values.AsSpan(0, origin), actual, forecast, maseSeasonalPeriod);
            if (double.IsFinite(mase))
            {
                maseSum += mase;
                maseCount++;
            }

            smape.Add(values.AsSpan(0, origin), actual, forecast, 1);
        }

        return new BacktestErrors(errors, smape.Smape, maseCount == 0 ? null : maseSum / maseCount);
    }
}
