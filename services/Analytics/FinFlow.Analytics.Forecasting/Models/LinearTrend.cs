namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>Least-squares line a + b·t through values at t = 1..n (the theta line 0).</summary>
internal readonly record struct LinearTrend(double Intercept, double Slope)
{
    public double At(int t) => Intercept + Slope * t;

    public static LinearTrend Fit(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        double meanT = (n + 1) / 2.0, meanY = 0, sxy = 0, sxx = 0;
        foreach (var v in y)
        {
            meanY += v;
        }

        meanY /= n;
        for (var t = 0; t < n; t++)
        {
            sxy += (t + 1 - meanT) * (y[t] - meanY);
            sxx += (t + 1 - meanT) * (t + 1 - meanT);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        return new LinearTrend(meanY - slope * meanT, slope);
    }
}
