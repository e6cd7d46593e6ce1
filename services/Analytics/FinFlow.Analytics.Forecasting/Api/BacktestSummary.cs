namespace FinFlow.Analytics.Forecasting.Api;

/// <summary>
/// How the model did in its rolling-origin backtest on the caller's own history: mean sMAPE and MASE
/// (scaled by the seasonal naive forecast: weekly cycle for daily data, yearly for monthly, none for weekly).
/// </summary>
public sealed record BacktestSummary(double Smape, double? Mase, int Origins, int Horizon);
