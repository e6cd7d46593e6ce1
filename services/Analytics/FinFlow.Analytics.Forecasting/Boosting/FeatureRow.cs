namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>ML.NET row: the vector width is set at run time through a schema definition.</summary>
internal sealed class FeatureRow
{
    public float Label { get; set; }

    public float[] Features { get; set; } = [];
}
