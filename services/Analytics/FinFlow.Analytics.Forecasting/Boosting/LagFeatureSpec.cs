namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>
/// What the gradient-boosting model sees at each step: the values at the given lags and the mean of the
/// last seasonal cycle, all scaled by the last ScaleWindow values (<see cref="Window"/>, so one model
/// serves series of any size), plus calendar features when the series has dates.
/// </summary>
public sealed record LagFeatureSpec(int[] Lags, int ScaleWindow, int SeasonalPeriod, bool Calendar, bool Standardize = true)
{
    public int MaxLag => Lags.Max();

    public int FeatureCount => Lags.Length + 1 + (Calendar ? CalendarFeatures.Count : 0);

    /// <summary>Defaults per seasonal period: the last cycles' lags, recent lags, and the lags one and two cycles back.</summary>
    public static LagFeatureSpec For(int seasonalPeriod, bool calendar) => seasonalPeriod switch
    {
        24 => new([.. Enumerable.Range(1, 24), 36, 47, 48, 49, 72, 96, 120, 144, 167, 168, 169, 192, 336], 168, 24, calendar),
        7 => new([.. Enumerable.Range(1, 14), 21, 28, 35, 42, 49, 56, 63, 364], 28, 7, calendar),
        12 => new([.. Enumerable.Range(1, 12), 24], 12, 12, calendar),
        _ => new([.. Enumerable.Range(1, 13), 26, 52], 13, Math.Max(seasonalPeriod, 1), calendar),
    };

    /// <summary>
    /// The scaling of the window ending just before position t. Standardized: centre = window mean,
    /// scale = mean absolute deviation from it (floored at 1% of the mean absolute level, so a flat
    /// window does not blow the features up). Otherwise centre 0 and scale = mean absolute value.
    /// </summary>
    internal WindowScaling Window(ReadOnlySpan<double> y, int t)
    {
        var from = Math.Max(0, t - ScaleWindow);
        var count = Math.Max(t - from, 1);
        double sum = 0, sumAbs = 0;
        for (var i = from; i < t; i++)
        {
            sum += y[i];
            sumAbs += Math.Abs(y[i]);
        }

        var meanAbs = sumAbs / count;
        if (!Standardize)
        {
            return new WindowScaling(0, meanAbs > 1e-9 ? meanAbs : 1);
        }

        var center = sum / count;
        var deviation = 0.0;
        for (var i = from; i < t; i++)
        {
            deviation += Math.Abs(y[i] - center);
        }

        var scale = Math.Max(deviation / count, 0.01 * meanAbs);
        return new WindowScaling(center, scale > 1e-9 ? scale : 1);
    }

    /// <summary>Writes the features for predicting position t from y[0..t) into features.</summary>
    internal void Fill(ReadOnlySpan<double> y, int t, WindowScaling scaling, TimeAxis? axis, Span<float> features)
    {
        var i = 0;
        foreach (var lag in Lags)
        {
            features[i++] = t - lag >= 0 ? scaling.Normalize(y[t - lag]) : float.NaN;
        }

        var cycle = Math.Min(SeasonalPeriod > 1 ? SeasonalPeriod : ScaleWindow, t);
        var cycleSum = 0.0;
        for (var k = 1; k <= cycle; k++)
        {
            cycleSum += y[t - k];
        }

        features[i++] = cycle == 0 ? float.NaN : scaling.Normalize(cycleSum / cycle);
        if (Calendar && axis is not null)
        {
            CalendarFeatures.Fill(axis.At(t), features[i..]);
        }
    }
}
