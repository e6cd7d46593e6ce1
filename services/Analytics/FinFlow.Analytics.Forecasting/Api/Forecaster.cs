using FinFlow.Analytics.Forecasting.Ensemble;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>
/// The entry point the analytics service calls: validates a dated history, forecasts it with the
/// default ensemble, calibrates 80%/95% (or requested) intervals by split-conformal on a rolling-origin
/// backtest of the same ensemble, and reports that backtest. Deterministic: same input, same output.
/// Amounts are decimal at this edge; the models work in double inside.
/// </summary>
public sealed class Forecaster(ForecasterOptions? options = null)
{
    private static readonly int[] DefaultLevels = [80, 95];

    private readonly ForecasterOptions options = options ?? new ForecasterOptions();

    public ForecastResult Forecast(IReadOnlyList<(DateOnly Ds, decimal Y)> historical, int horizon, Frequency frequency, IReadOnlyList<int>? levels = null) =>
        ForecastValues(historical?.Select(p => (p.Ds, (double)p.Y)).ToList()!, horizon, frequency, levels);

    /// <summary>The same for series that are not money (counts, benchmarks); non-finite values are refused.</summary>
    public ForecastResult ForecastValues(IReadOnlyList<(DateOnly Ds, double Y)> historical, int horizon, Frequency frequency, IReadOnlyList<int>? levels = null)
    {
        levels ??= DefaultLevels;
        var (dates, values) = HistoryValidator.Validate(historical, horizon, frequency, levels, options.MissingDates);
        var keep = Math.Min(values.Length, frequency switch
        {
            Frequency.Daily => options.MaxHistoryDaily,
            Frequency.Weekly => options.MaxHistoryWeekly,
            _ => options.MaxHistoryMonthly,
        });
        dates = dates[^keep..];
        values = values[^keep..];

        var period = DefaultEnsembles.SeasonalPeriod(frequency);
        var axis = new TimeAxis(dates[0], frequency);
        var context = new SeriesContext(period, axis);
        var ensemble = DefaultEnsembles.For(period, dated: true);
        IForecastModel model = ensemble.CanFit(values.Length, context) ? ensemble : new NaiveModel();
        var stride = period is > 1 and <= 7 ? period : 1;

        var backtest = RollingOriginBacktest.Run(model, values, context, horizon, options.BacktestOrigins, stride, Math.Max(period, 1), options.BacktestRefits);
        var forecast = model.Fit(values, context).Forecast(values, horizon);
        for (var j = 0; j < horizon; j++)
        {
            if (!double.IsFinite(forecast[j]))
            {
                forecast[j] = values[^1];
            }
        }

        var widths = levels.Select(l => (Level: l, Widths: ConformalIntervals.HalfWidths(backtest, values, horizon, l))).ToList();
        var points = new ForecastPoint[horizon];
        for (var j = 0; j < horizon; j++)
        {
            var intervals = widths
                .Select(w => new PredictionInterval(w.Level, Money(forecast[j] - w.Widths[j]), Money(forecast[j] + w.Widths[j])))
                .ToList();
            points[j] = new ForecastPoint(axis.At(values.Length + j), Money(forecast[j]), intervals);
        }

        var summary = backtest is null ? null : new BacktestSummary(backtest.Smape, backtest.Mase, backtest.Origins, horizon);
        return new ForecastResult(points, Describe(model, values.Length, context), summary);
    }

    private decimal Money(double value)
    {
        const double limit = 7.9e27;
        return Math.Round((decimal)Math.Clamp(value, -limit, limit), options.Decimals, MidpointRounding.ToEven);
    }

    private static string Describe(IForecastModel model, int length, SeriesContext context) => model is EnsembleModel ensemble
        ? $"ensemble({string.Join(", ", ensemble.Members.Where(m => m.CanFit(length, context)).Select(m => m.Name))})"
        : model.Name;
}
