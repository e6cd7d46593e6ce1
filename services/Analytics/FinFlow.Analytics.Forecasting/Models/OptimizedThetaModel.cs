using FinFlow.Analytics.Forecasting.Optimization;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// The optimised Theta method (Fiorucci, Pellegrini, Louzada, Petropoulos and Koehler 2016) in its
/// state-space form: ŷ(t+1|t) = ℓ_t + (1 − 1/θ)·[(1−α)^t·A + (1 − (1−α)^(t+1))/α·B], with
/// ℓ_t = α·y_t + (1−α)·ℓ_(t−1), A and B the least-squares line. θ ≥ 1, α and ℓ_0 minimise the in-sample
/// one-step squared error; θ = 2 is the classic method. Wrap it in seasonal adjustment for seasonal data.
/// </summary>
public sealed class OptimizedThetaModel : IForecastModel
{
    private const double MinAlpha = 0.01;
    private const double MaxAlpha = 0.99;
    private const double MinTheta = 1;
    private const double MaxTheta = 10;

    public string Name => "OptimizedTheta";

    public bool CanFit(int length, SeriesContext context) => length >= 4;

    public IFittedModel Fit(double[] values, SeriesContext context)
    {
        var line = LinearTrend.Fit(values);
        double Objective(double[] x) =>
            x[0] < MinAlpha || x[0] > MaxAlpha || x[1] < MinTheta || x[1] > MaxTheta
                ? double.PositiveInfinity
                : Filter(values, line, x[0], x[1], x[2], out _);

        var spread = values.Max() - values.Min() + 1e-6;
        var (best, _) = NelderMead.Minimize(Objective, [0.5, 2, values[0]], [0.2, 0.5, 0.1 * spread], 600);
        return new Fitted(line, best[0], best[1], best[2]);
    }

    private static double Filter(ReadOnlySpan<double> y, LinearTrend line, double alpha, double theta, double level0, out double level)
    {
        level = level0;
        var weight = 1 - 1 / theta;
        var decay = 1.0; // (1−α)^t
        var sse = 0.0;
        for (var t = 0; t < y.Length; t++)
        {
            var drift = decay * line.Intercept + (1 - decay * (1 - alpha)) / alpha * line.Slope;
            var error = y[t] - (level + weight * drift);
            sse += error * error;
            level = alpha * y[t] + (1 - alpha) * level;
            decay *= 1 - alpha;
        }

        return sse / y.Length;
    }

    private sealed class Fitted(LinearTrend line, double alpha, double theta, double level0) : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            Filter(history, line, alpha, theta, level0, out var level);
            var n = history.Length;
            var decay = Math.Pow(1 - alpha, n);
            var forecast = new double[horizon];
            for (var h = 1; h <= horizon; h++)
            {
                var drift = decay * line.Intercept + ((h - 1) + (1 - decay * (1 - alpha)) / alpha) * line.Slope;
                forecast[h - 1] = level + (1 - 1 / theta) * drift;
            }

            return forecast;
        }
    }
}
