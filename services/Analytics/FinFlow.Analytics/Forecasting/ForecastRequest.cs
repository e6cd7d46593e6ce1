namespace FinFlow.Analytics.Forecasting;

/// <summary>
/// The body of <c>POST /analytics/forecast</c> (the platform spec's shape). Without <c>historical</c> the
/// caller's own daily net cash flow is forecast, read from accounting.
/// </summary>
public sealed record ForecastRequest(IReadOnlyList<HistoryPoint?>? Historical, int? Horizon, string? Frequency, IReadOnlyList<int>? Levels);
