namespace FinFlow.Analytics.Forecasting.Models.Ets;

/// <summary>The states after filtering Steps observations.</summary>
internal sealed record EtsState(double Level, double Slope, double[] Seasonal, int Steps);
