namespace FinFlow.Analytics.Forecasting;

/// <summary>The spacing of a dated series.</summary>
public enum Frequency
{
    Daily,
    Weekly,
    Monthly,
}
