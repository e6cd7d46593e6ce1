namespace FinFlow.Analytics.Forecasting.Seasonality;

/// <summary>Sample autocorrelation as R's <c>acf</c> computes it (mean removed, biased denominator).</summary>
public static class Autocorrelation
{
    /// <summary>Returns acf[k] for k = 0..maxLag (acf[0] = 1).</summary>
    public static double[] Compute(ReadOnlySpan<double> values, int maxLag)
    {
        var n = values.Length;
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }

        mean /= n;
        var variance = 0.0;
        foreach (var v in values)
        {
            variance += (v - mean) * (v - mean);
        }

        var acf = new double[maxLag + 1];
        acf[0] = 1;
        for (var k = 1; k <= maxLag && k < n; k++)
        {
            var sum = 0.0;
            for (var t = 0; t + k < n; t++)
            {
                sum += (values[t] - mean) * (values[t + k] - mean);
            }

            acf[k] = variance == 0 ? 0 : sum / variance;
        }

        return acf;
    }
}
