namespace FinFlow.Analytics.Forecasting.Ensemble;

/// <summary>
/// Split-conformal prediction intervals per horizon step: the half-width at level L for step j is the
/// ⌈(K+1)·L⌉-th smallest of the K backtest absolute errors at step j (the finite-sample-valid quantile;
/// with too few origins for it, the largest error). Without any backtest the width comes from the
/// in-sample one-step changes, widening with √j as for a random walk.
/// </summary>
public static class ConformalIntervals
{
    public static double[] HalfWidths(BacktestErrors? backtest, ReadOnlySpan<double> history, int horizon, int level)
    {
        var widths = new double[horizon];
        if (backtest is null || backtest.Origins == 0)
        {
            var sigma = OneStepSpread(history);
            var z = NormalQuantile(0.5 + level / 200.0);
            for (var j = 0; j < horizon; j++)
            {
                widths[j] = z * sigma * Math.Sqrt(j + 1);
            }

            return widths;
        }

        var k = backtest.Origins;
        var rank = Math.Min((int)Math.Ceiling((k + 1) * level / 100.0), k);
        var scores = new double[k];
        for (var j = 0; j < horizon; j++)
        {
            for (var o = 0; o < k; o++)
            {
                scores[o] = Math.Abs(backtest.Errors[o][j]);
            }

            Array.Sort(scores);
            widths[j] = scores[rank - 1];
        }

        return widths;
    }

    private static double OneStepSpread(ReadOnlySpan<double> history)
    {
        if (history.Length < 2)
        {
            return 0;
        }

        var sumSquares = 0.0;
        for (var t = 1; t < history.Length; t++)
        {
            sumSquares += (history[t] - history[t - 1]) * (history[t] - history[t - 1]);
        }

        return Math.Sqrt(sumSquares / (history.Length - 1));
    }

    private static double NormalQuantile(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p);
}
