namespace FinFlow.Analytics.Forecasting.Seasonality;

/// <summary>
/// The M4 benchmarks' 90% autocorrelation test: seasonal when |acf_m| exceeds
/// 1.645·sqrt((1 + 2·Σ_{k&lt;m} acf_k²)/n). Like the M4 code (R's acf with its default lag.max of
/// floor(10·log10 n)), a period beyond that lag, or a series shorter than three periods, is not seasonal.
/// </summary>
public static class SeasonalityTest
{
    private const double CriticalValue = 1.645;

    public static bool IsSeasonal(ReadOnlySpan<double> values, int period)
    {
        var n = values.Length;
        if (period <= 1 || n < 3 * period)
        {
            return false;
        }

        var maxLag = (int)Math.Floor(10 * Math.Log10(n));
        if (period > maxLag)
        {
            return false;
        }

        var acf = Autocorrelation.Compute(values, period);
        var sumSquares = 0.0;
        for (var k = 1; k < period; k++)
        {
            sumSquares += acf[k] * acf[k];
        }

        var limit = CriticalValue / Math.Sqrt(n) * Math.Sqrt(1 + 2 * sumSquares);
        return Math.Abs(acf[period]) > limit;
    }
}
