namespace FinFlow.Analytics.Forecasting.Optimization;

/// <summary>
/// Nelder–Mead simplex minimisation (reflection 1, expansion 2, contraction ½, shrink ½). Infinite or
/// NaN values mark infeasible points, which is how the models express their parameter bounds.
/// Deterministic: the start simplex is the start point plus one step per coordinate.
/// </summary>
internal static class NelderMead
{
    public static (double[] Point, double Value) Minimize(
        Func<double[], double> objective, double[] start, double[] steps, int maxEvaluations, double relativeTolerance = 1e-8)
    {
        var dim = start.Length;
        var simplex = new double[dim + 1][];
        var values = new double[dim + 1];
        var evaluations = 0;
        double Evaluate(double[] x)
        {
            evaluations++;
            var v = objective(x);
            return double.IsNaN(v) ? double.PositiveInfinity : v;
        }

        simplex[0] = (double[])start.Clone();
        values[0] = Evaluate(simplex[0]);
        for (var i = 0; i < dim; i++)
        {
            simplex[i + 1] = (double[])start.Clone();
            simplex[i + 1][i] += steps[i];
            values[i + 1] = Evaluate(simplex[i + 1]);
        }

        var order = new int[dim + 1];
        var centroid = new double[dim];
        var trial = new double[dim];
        var trial2 = new double[dim];
        while (evaluations < maxEvaluations)
        {
            for (var i = 0; i <= dim; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[dim], secondWorst = order[dim - 1];
            if (double.IsFinite(values[worst])
                && values[worst] - values[best] <= relativeTolerance * (Math.Abs(values[best]) + relativeTolerance))
            {
                break;
            }

            Array.Clear(centroid);
            for (var i = 0; i < dim; i++)
            {
                var p = simplex[order[i]];
                for (var d = 0; d < dim; d++)
                {
                    centroid[d] += p[d] / dim;
                }
            }

            Step(centroid, simplex[worst], 1, trial);
            var reflected = Evaluate(trial);
            if (reflected < values[best])
            {
                Step(centroid, simplex[worst], 2, trial2);
                var expanded = Evaluate(trial2);
                Replace(expanded < reflected ? trial2 : trial, Math.Min(expanded, reflected));
                continue;
            }

            if (reflected < values[secondWorst])
            {
                Replace(trial, reflected);
                continue;
            }

            var outside = reflected < values[worst];
            Step(centroid, simplex[worst], outside ? 0.5 : -0.5, trial2);
            var contracted = Evaluate(trial2);
            if (contracted < (outside ? reflected : values[worst]))
            {
                Replace(trial2, contracted);
                continue;
            }

            for (var i = 1; i <= dim; i++)
            {
                var p = simplex[order[i]];
                for (var d = 0; d < dim; d++)
                {
                    p[d] = simplex[best][d] + 0.5 * (p[d] - simplex[best][d]);
                }

                values[order[i]] = Evaluate(p);
            }

            void Replace(double[] point, double value)
            {
                Array.Copy(point, simplex[worst], dim);
                values[worst] = value;
            }
        }

        var bestIndex = 0;
        for (var i = 1; i <= dim; i++)
        {
            if (values[i] < values[bestIndex])
            {
                bestIndex = i;
            }
        }

        return (simplex[bestIndex], values[bestIndex]);
    }

    // point = centroid + coefficient·(centroid − worst)
    private static void Step(double[] centroid, double[] worst, double coefficient, double[] into)
    {
        for (var d = 0; d < centroid.Length; d++)
        {
            into[d] = centroid[d] + coefficient * (centroid[d] - worst[d]);
        }
    }
}
