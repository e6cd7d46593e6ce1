namespace FinFlow.Analytics.Forecasting.Data;

/// <summary>One series of a benchmark data set: its id and its values in time order.</summary>
public sealed record NamedSeries(string Id, double[] Values);
