namespace FinFlow.Analytics.Forecasting.Boosting;

internal sealed class ScoreRow
{
    public float Score { get; set; }
}
