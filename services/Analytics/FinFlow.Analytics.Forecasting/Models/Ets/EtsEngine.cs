namespace FinFlow.Analytics.Forecasting.Models.Ets;

/// <summary>
/// The ETS recursions in error-correction form (Hyndman, Koehler, Ord and Snyder 2008), as the R
/// forecast package's C code runs them. Run returns the fitting criterion n·log(SSE) (plus 2·Σlog|ŷ|
/// for multiplicative errors), i.e. −2·log-likelihood up to a constant, or +∞ when a state degenerates.
/// </summary>
internal static class EtsEngine
{
    private const double Tiny = 1e-10;

    public static double Run(ReadOnlySpan<double> y, EtsSpec spec, EtsParameters p, out EtsState state)
    {
        double level = p.Level, slope = p.Slope;
        var ring = (double[])p.Seasonal.Clone();
        var m = Math.Max(ring.Length, 1);
        double sse = 0, sumLogForecast = 0;
        state = new EtsState(level, slope, ring, 0);
        for (var t = 0; t < y.Length; t++)
        {
            var dampedSlope = spec.Trend switch
            {
                EtsTrend.None => 0,
                EtsTrend.Additive => slope,
                _ => p.Phi * slope,
            };
            var q = level + dampedSlope;
            var s = spec.IsSeasonal ? ring[t % m] : 0;
            var f = spec.Season switch
            {
                EtsSeason.None => q,
                EtsSeason.Additive => q + s,
                _ => q * s,
            };
            if (!double.IsFinite(f) || (spec.MultiplicativeError && Math.Abs(f) < Tiny))
            {
                return double.PositiveInfinity;
            }

            var error = spec.MultiplicativeError ? (y[t] - f) / f : y[t] - f;
            sse += error * error;
            if (spec.MultiplicativeError)
            {
                sumLogForecast += Math.Log(Math.Abs(f));
            }

            var deseasonalized = spec.Season switch
            {
                EtsSeason.None => y[t],
                EtsSeason.Additive => y[t] - s,
                _ => Math.Abs(s) < Tiny ? double.PositiveInfinity : y[t] / s,
            };
            var newLevel = q + p.Alpha * (deseasonalized - q);
            if (spec.HasTrend)
            {
                slope = dampedSlope + p.Beta / p.Alpha * (newLevel - level - dampedSlope);
            }

            if (spec.IsSeasonal)
            {
                var detrended = spec.Season == EtsSeason.Additive ? y[t] - q : (Math.Abs(q) < Tiny ? double.PositiveInfinity : y[t] / q);
                ring[t % m] = s + p.Gamma * (detrended - s);
            }

            level = newLevel;
        }

        if (!double.IsFinite(sse) || !double.IsFinite(level))
        {
            return double.PositiveInfinity;
        }

        state = new EtsState(level, slope, ring, y.Length);
        // A perfect fit has log(0) = −∞; clamp as the R code does so the optimiser stays finite.
        var criterion = y.Length * Math.Log(sse) + 2 * sumLogForecast;
        return Math.Max(criterion, -1e10);
    }

    public static double[] Forecast(EtsSpec spec, EtsParameters p, EtsState state, int horizon)
    {
        var forecast = new double[horizon];
        var m = Math.Max(state.Seasonal.Length, 1);
        var cumulativeDamping = 0.0;
        for (var j = 0; j < horizon; j++)
        {
            cumulativeDamping += spec.Trend == EtsTrend.DampedAdditive ? Math.Pow(p.Phi, j + 1) : 1;
            var f = state.Level + (spec.HasTrend ? cumulativeDamping * state.Slope : 0);
            if (spec.IsSeasonal)
            {
                var s = state.Seasonal[(state.Steps + j) % m];
                f = spec.Season == EtsSeason.Additive ? f + s : f * s;
            }

            forecast[j] = f;
        }

        return forecast;
    }
}
