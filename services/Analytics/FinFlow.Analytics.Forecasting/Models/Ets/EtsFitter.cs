using FinFlow.Analytics.Forecasting.Optimization;
using FinFlow.Analytics.Forecasting.Seasonality;

namespace FinFlow.Analytics.Forecasting.Models.Ets;

/// <summary>
/// Estimates an ETS model by Nelder–Mead on the likelihood criterion, with R's forecast::ets defaults:
/// its initial parameter values and heuristic initial states, the "usual" bounds (α in [1e-4, 0.9999],
/// β ≤ α, γ ≤ 1−α, φ in [0.8, 0.98]). Seasonal initial states are optimised too for periods up to 12;
/// longer periods keep the decomposition's states (fewer free parameters, far faster, little lost).
/// </summary>
internal static class EtsFitter
{
    private const double LowerSmoothing = 1e-4;
    private const double UpperSmoothing = 0.9999;
    private const double LowerPhi = 0.8;
    private const double UpperPhi = 0.98;
    private const int MaxOptimisedSeasonalPeriod = 12;

    public static int ParameterCount(EtsSpec spec, int period) =>
        1 + (spec.HasTrend ? 2 : 0) + (spec.IsDamped ? 1 : 0) + 1 + (spec.IsSeasonal ? period : 0);

    public static bool CanFit(EtsSpec spec, int length, int period) =>
        length >= ParameterCount(spec, period) + 4 && (!spec.IsSeasonal || (period > 1 && length >= 2 * period));

    public static EtsFit Fit(double[] y, EtsSpec spec, int period)
    {
        var m = spec.IsSeasonal ? period : 1;
        var (level, slope, seasonal) = InitialStates(y, spec, m);
        var optimiseSeasonal = spec.IsSeasonal && m <= MaxOptimisedSeasonalPeriod;

        var alpha = LowerSmoothing + 0.2 * (UpperSmoothing - LowerSmoothing) / Math.Max(period, 1);
        var beta = LowerSmoothing + 0.1 * (Math.Min(UpperSmoothing, alpha) - LowerSmoothing);
        var gamma = LowerSmoothing + 0.05 * (Math.Min(UpperSmoothing, 1 - alpha) - LowerSmoothing);
        var phi = LowerPhi + 0.99 * (UpperPhi - LowerPhi);
        var spread = StandardDeviation(y) + 1e-6 * (Math.Abs(level) + 1);

        var start = new List<double> { alpha };
        var steps = new List<double> { Math.Min(0.1, (UpperSmoothing - alpha) / 2) };
        if (spec.HasTrend)
        {
            start.Add(beta);
            steps.Add((alpha - beta) / 2);
        }

        if (spec.IsSeasonal)
        {
            start.Add(gamma);
            steps.Add(Math.Min(0.1, (1 - alpha - gamma) / 2));
        }

        if (spec.IsDamped)
        {
            start.Add(phi);
            steps.Add(-0.05);
        }

        start.Add(level);
        steps.Add(0.1 * spread);
        if (spec.HasTrend)
        {
            start.Add(slope);
            steps.Add(0.1 * Math.Abs(slope) + 0.01 * spread);
        }

        if (optimiseSeasonal)
        {
            for (var i = 1; i < m; i++)
            {
                start.Add(seasonal[i]);
                steps.Add(spec.Season == EtsSeason.Multiplicative ? 0.05 : 0.1 * spread);
            }
        }

        EtsParameters? Decode(double[] x)
        {
            var i = 0;
            var a = x[i++];
            var b = spec.HasTrend ? x[i++] : 0;
            var g = spec.IsSeasonal ? x[i++] : 0;
            var f = spec.IsDamped ? x[i++] : 1;
            var l = x[i++];
            var s = spec.HasTrend ? x[i++] : 0;
            if (a < LowerSmoothing || a > UpperSmoothing
                || (spec.HasTrend && (b < LowerSmoothing || b > a))
                || (spec.IsSeasonal && (g < LowerSmoothing || g > 1 - a))
                || (spec.IsDamped && (f < LowerPhi || f > UpperPhi)))
            {
                return null;
            }

            var ring = seasonal;
            if (optimiseSeasonal)
            {
                ring = new double[m];
                var sum = 0.0;
                for (var k = 1; k < m; k++)
                {
                    ring[k] = x[i++];
                    sum += ring[k];
                }

                // The seasonal states are normalised: they sum to m (multiplicative) or 0 (additive).
                ring[0] = spec.Season == EtsSeason.Multiplicative ? m - sum : -sum;
                if (spec.Season == EtsSeason.Multiplicative && ring.Min() < 0)
                {
                    return null;
                }
            }

            return new EtsParameters(a, b, g, f, l, s, ring);
        }

        double Objective(double[] x) =>
            Decode(x) is { } p ? EtsEngine.Run(y, spec, p, out _) : double.PositiveInfinity;

        var startPoint = start.ToArray();
        var maxEvaluations = Math.Min(2000, 200 + 150 * startPoint.Length);
        var (best, value) = NelderMead.Minimize(Objective, startPoint, [.. steps], maxEvaluations);
        var parameters = Decode(best) ?? Decode(startPoint)!;
        return new EtsFit(spec, parameters, value, ParameterCount(spec, m), y.Length);
    }

    /// <summary>R's initstate: decomposition of the first three periods for the season, then a line (or mean) on the first max(10, 2m) adjusted values.</summary>
    private static (double Level, double Slope, double[] Seasonal) InitialStates(double[] y, EtsSpec spec, int m)
    {
        var adjusted = y;
        var ring = Array.Empty<double>();
        if (spec.IsSeasonal)
        {
            var multiplicative = spec.Season == EtsSeason.Multiplicative;
            var figure = ClassicalDecomposition.SeasonalFigure(y.AsSpan(0, Math.Min(y.Length, 3 * m)), m, multiplicative);
            ring = new double[m];
            var sum = 0.0;
            for (var i = 1; i < m; i++)
            {
                ring[i] = multiplicative ? Math.Max(figure[i], 1e-2) : figure[i];
                sum += ring[i];
            }

            if (multiplicative && sum > m - 1e-2)
            {
                for (var i = 1; i < m; i++)
                {
                    ring[i] *= (m - 1) / sum;
                }

                sum = m - 1;
            }

            ring[0] = multiplicative ? m - sum : -sum;
            adjusted = new double[y.Length];
            for (var t = 0; t < y.Length; t++)
            {
                adjusted[t] = multiplicative ? y[t] / Math.Max(figure[t % m], 1e-2) : y[t] - figure[t % m];
            }
        }

        var count = Math.Min(Math.Max(10, 2 * m), y.Length);
        if (!spec.HasTrend)
        {
            return (adjusted.Take(count).Average(), 0, ring);
        }

        // Least-squares line on t = 1..count: its intercept is the level at t = 0, before the first value.
        double meanT = (count + 1) / 2.0, meanY = adjusted.Take(count).Average(), sxy = 0, sxx = 0;
        for (var t = 0; t < count; t++)
        {
            sxy += (t + 1 - meanT) * (adjusted[t] - meanY);
            sxx += (t + 1 - meanT) * (t + 1 - meanT);
        }

        var slope = sxx == 0 ? 0 : sxy / sxx;
        return (meanY - slope * meanT, slope, ring);
    }

    private static double StandardDeviation(double[] y)
    {
        var mean = y.Average();
        return Math.Sqrt(y.Sum(v => (v - mean) * (v - mean)) / Math.Max(y.Length - 1, 1));
    }
}
