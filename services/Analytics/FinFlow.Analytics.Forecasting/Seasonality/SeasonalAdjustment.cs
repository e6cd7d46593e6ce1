namespace FinFlow.Analytics.Forecasting.Seasonality;

/// <summary>
/// The seasonal adjustment the M4 benchmarks apply before Naive2, SES, Holt, Damped and Theta:
/// classical multiplicative decomposition when the 90% autocorrelation test says seasonal, none
/// otherwise. Series with a zero or negative value (net cash flow can be) get the additive form, since
/// ratios to a trend near zero are meaningless; M4 series are all positive, so M4 figures are unchanged.
/// </summary>
public sealed class SeasonalAdjustment
{
    private readonly double[]? figure;
    private readonly bool multiplicative;

    private SeasonalAdjustment(double[]? figure, bool multiplicative)
    {
        this.figure = figure;
        this.multiplicative = multiplicative;
    }

    public bool IsSeasonal => figure is not null;

    public static SeasonalAdjustment None { get; } = new(null, false);

    public static SeasonalAdjustment Estimate(ReadOnlySpan<double> values, int period)
    {
        if (!SeasonalityTest.IsSeasonal(values, period))
        {
            return None;
        }

        var positive = true;
        foreach (var v in values)
        {
            positive &= v > 0;
        }

        return new SeasonalAdjustment(ClassicalDecomposition.SeasonalFigure(values, period, positive), positive);
    }

    public double[] Adjust(ReadOnlySpan<double> values)
    {
        var adjusted = values.ToArray();
        if (figure is null)
        {
            return adjusted;
        }

        for (var t = 0; t < adjusted.Length; t++)
        {
            adjusted[t] = multiplicative ? adjusted[t] / figure[t % figure.Length] : adjusted[t] - figure[t % figure.Length];
        }

        return adjusted;
    }

    /// <summary>Puts the season back into forecasts of positions firstIndex, firstIndex+1, ... (in place).</summary>
    public double[] Reseasonalize(double[] forecast, int firstIndex)
    {
        if (figure is null)
        {
            return forecast;
        }

        for (var j = 0; j < forecast.Length; j++)
        {
            var index = figure[(firstIndex + j) % figure.Length];
            forecast[j] = multiplicative ? forecast[j] * index : forecast[j] + index;
        }

        return forecast;
    }
}
