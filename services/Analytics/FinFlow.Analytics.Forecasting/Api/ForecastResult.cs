namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>The forecast, the model that made it, and its backtest (null when the history is too short for one).</summary>
public sealed record ForecastResult(IReadOnlyList<ForecastPoint> Forecast, string Model, BacktestSummary? Backtest);
