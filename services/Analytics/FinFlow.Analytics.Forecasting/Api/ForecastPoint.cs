namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>One forecast period: the point forecast and its intervals (by default at 80% and 95%).</summary>
public sealed record ForecastPoint(DateOnly Ds, decimal Yhat, IReadOnlyList<PredictionInterval> Intervals)
{
    public decimal? Lo80 => Interval(80)?.Lo;

    public decimal? Hi80 => Interval(80)?.Hi;

    public decimal? Lo95 => Interval(95)?.Lo;

    public decimal? Hi95 => Interval(95)?.Hi;

    public PredictionInterval? Interval(int level) => Intervals.FirstOrDefault(i => i.Level == level);
}
