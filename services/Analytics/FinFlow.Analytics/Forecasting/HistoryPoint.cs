namespace FinFlow.Analytics.Forecasting;

/// <summary>One observation: <c>ds</c> as <c>yyyy-MM-dd</c> and its value.</summary>
public sealed record HistoryPoint(string? Ds, decimal? Y);
