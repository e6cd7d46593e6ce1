using FinFlow.Analytics.Forecasting.Metrics;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Analytics.Forecasting.Ensemble;

/// <summary>
/// Rolling-origin evaluation inside the history. The origins are split into <c>refits</c> consecutive
/// blocks; the model is estimated on the data before each block's first origin and forecasts from every
/// origin of the block with its states filtered through the data up to that origin (parameters fixed).
/// Every error is out of sample; more refits make the calibrating models about as fresh as the one that
/// forecasts, at the cost of one estimation each (one refit: the cheapest, oldest parameters).
/// Origins step back from the end by <c>stride</c>; with the weekly cycle as stride (daily data) they
/// fall on the same weekday as the real forecast's origin, so step j's errors are for the same weekday.
/// </summary>
public static class RollingOriginBacktest
{
    public static BacktestErrors? Run(IForecastModel model, double[] values, SeriesContext context, int horizon, int origins, int stride, int maseSeasonalPeriod, int refits = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(refits, 1);
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

        var blocks = Math.Min(refits, count);
        var earliest = n - stride * (firstStep + count - 1);
        var errors = new double[count][];
        var smape = new AccuracySummary();
        double maseSum = 0;
        var maseCount = 0;
        IFittedModel? fitted = null;
        var block = -1;
        for (var k = 0; k < count; k++)
        {
            var origin = earliest + stride * k;
            // Block b holds origins [b·count/blocks, (b+1)·count/blocks): the latest block ends at the last origin.
            var blockOfOrigin = (int)((long)k * blocks / count);
            if (blockOfOrigin != block)
            {
                block = blockOfOrigin;
                fitted = model.Fit(values[..origin], context);
            }

            var forecast = fitted!.Forecast(values.AsSpan(0, origin), horizon);
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
