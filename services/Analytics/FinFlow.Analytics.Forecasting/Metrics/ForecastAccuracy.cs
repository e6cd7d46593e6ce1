namespace FinFlow.Analytics.Forecasting.Metrics;

/// <summary>
/// The M4 competition's accuracy measures, as its evaluation code computes them: sMAPE is the mean of
/// 200·|y−ŷ|/(|y|+|ŷ|) over the horizon; MASE divides the mean absolute error by the in-sample mean
/// absolute error of the seasonal naive forecast with period m; OWA averages both relative to Naive2.
/// </summary>
public static class ForecastAccuracy
{
    public static double Smape(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        RequireSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            // 0/0 (both zero) is a perfect forecast; M4 series are positive so it never arises there.
            sum += denominator == 0 ? 0 : 200 * Math.Abs(actual[i] - forecast[i]) / denominator;
        }

        return sum / actual.Length;
    }

    /// <summary>Mean absolute error of the in-sample seasonal naive forecast (lag m); NaN when it cannot be formed.</summary>
    public static double MaseScale(ReadOnlySpan<double> insample, int seasonalPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonalPeriod, 1);
        if (insample.Length <= seasonalPeriod)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var t = seasonalPeriod; t < insample.Length; t++)
        {
            sum += Math.Abs(insample[t] - insample[t - seasonalPeriod]);
        }

        return sum / (insample.Length - seasonalPeriod);
    }

    public static double Mase(ReadOnlySpan<double> insample, ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast, int seasonalPeriod) =>
        MeanAbsoluteError(actual, forecast) / MaseScale(insample, seasonalPeriod);

    public static double MeanAbsoluteError(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        RequireSameLength(actual, forecast);
        var sum = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            sum += Math.Abs(actual[i] - forecast[i]);
        }

        return sum / actual.Length;
    }

    /// <summary>Overall weighted average: the mean of sMAPE and MASE, each relative to Naive2's on the same series.</summary>
    public static double Owa(double smape, double mase, double naive2Smape, double naive2Mase) =>
        0.5 * (smape / naive2Smape + mase / naive2Mase);

    private static void RequireSameLength(ReadOnlySpan<double> actual, ReadOnlySpan<double> forecast)
    {
        if (actual.Length != forecast.Length || actual.Length == 0)
        {
            throw new ArgumentException("actual and forecast must be non-empty and of the same length");
        }
    }
}
