namespace FinFlow.Analytics.Forecasting;

/// <summary>Backtest errors: mean sMAPE (percent) and MASE against the seasonal naive scale.</summary>
public sealed record ForecastBacktestView(double Smape, double? Mase);
