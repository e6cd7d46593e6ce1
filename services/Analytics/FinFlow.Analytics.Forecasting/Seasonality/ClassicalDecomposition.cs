namespace FinFlow.Analytics.Forecasting.Seasonality;

/// <summary>
/// Classical decomposition as R's <c>decompose</c> does it: a centred moving average (2×m for even m)
/// as trend, the ratio (or difference) to it averaged per position in the cycle, normalised to mean 1
/// (or 0). Positions count from the first value, as in R.
/// </summary>
public static class ClassicalDecomposition
{
    /// <summary>figure[i] is the seasonal index of every position t with t mod period = i.</summary>
    public static double[] SeasonalFigure(ReadOnlySpan<double> values, int period, bool multiplicative)
    {
        var n = values.Length;
        if (period < 2 || n < 2 * period)
        {
            throw new ArgumentException("decomposition needs at least two full periods", nameof(values));
        }

        var half = period / 2;
        var sums = new double[period];
        var counts = new int[period];
        for (var t = half; t < n - half; t++)
        {
            var trend = 0.0;
            if (period % 2 == 0)
            {
                trend += 0.5 * (values[t - half] + values[t + half]);
                for (var j = -half + 1; j < half; j++)
                {
                    trend += values[t + j];
                }
            }
            else
            {
                for (var j = -half; j <= half; j++)
                {
                    trend += values[t + j];
                }
            }

            trend /= period;
            sums[t % period] += multiplicative ? values[t] / trend : values[t] - trend;
            counts[t % period]++;
        }

        var figure = new double[period];
        for (var i = 0; i < period; i++)
        {
            figure[i] = sums[i] / counts[i];
        }

        var mean = figure.Average();
        for (var i = 0; i < period; i++)
        {
            figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
        }

        return figure;
    }
}
