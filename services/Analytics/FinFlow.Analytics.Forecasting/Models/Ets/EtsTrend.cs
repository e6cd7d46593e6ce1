namespace FinFlow.Analytics.Forecasting.Models.Ets;

public enum EtsTrend
{
    None,
    Additive,
    DampedAdditive,
}
