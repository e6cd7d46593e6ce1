namespace FinFlow.Analytics.Forecasting.Models.Ets;

public enum EtsSeason
{
    None,
    Additive,
    Multiplicative,
}
