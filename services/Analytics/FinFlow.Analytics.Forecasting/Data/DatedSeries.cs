namespace FinFlow.Analytics.Forecasting.Data;

/// <summary>A series with one calendar date per value, in time order.</summary>
public sealed record DatedSeries(string Id, DateOnly[] Dates, double[] Values);
