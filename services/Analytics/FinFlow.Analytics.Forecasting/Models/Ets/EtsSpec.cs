namespace FinFlow.Analytics.Forecasting.Models.Ets;

/// <summary>One exponential smoothing model of the Hyndman et al. taxonomy, e.g. ETS(M,Ad,A).</summary>
public readonly record struct EtsSpec(bool MultiplicativeError, EtsTrend Trend, EtsSeason Season)
{
    public bool HasTrend => Trend != EtsTrend.None;

    public bool IsDamped => Trend == EtsTrend.DampedAdditive;

    public bool IsSeasonal => Season != EtsSeason.None;

    /// <summary>Multiplicative error or season need strictly positive data.</summary>
    public bool NeedsPositiveData => MultiplicativeError || Season == EtsSeason.Multiplicative;

    public string Name => $"ETS({(MultiplicativeError ? "M" : "A")},{Trend switch
    {
        EtsTrend.None => "N",
        EtsTrend.Additive => "A",
        _ => "Ad",
    }},{Season switch
    {
        EtsSeason.None => "N",
        EtsSeason.Additive => "A",
        _ => "M",
    }})";

    public override string ToString() => Name;
}
