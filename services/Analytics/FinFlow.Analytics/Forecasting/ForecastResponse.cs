namespace FinFlow.Analytics.Forecasting;

/// <summary>The forecast, the model that made it, and its rolling-origin backtest on the same history.</summary>
public sealed record ForecastResponse(IReadOnlyList<ForecastPointView> Forecast, string Model, ForecastBacktestView? Backtest);
