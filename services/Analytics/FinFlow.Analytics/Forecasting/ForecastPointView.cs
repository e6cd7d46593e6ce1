namespace FinFlow.Analytics.Forecasting;

/// <summary>One forecast step with its 80% and 95% intervals (null when those levels were not asked for).</summary>
public sealed record ForecastPointView(DateOnly Ds, decimal Yhat, decimal? Lo80, decimal? Hi80, decimal? Lo95, decimal? Hi95);
