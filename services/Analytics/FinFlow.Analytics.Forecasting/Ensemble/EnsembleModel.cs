using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Analytics.Forecasting.Ensemble;

/// <summary>
/// Combines the forecasts of several methods step by step (mean or median). Members that cannot be
/// estimated on a series (too short, or degenerate for that learner) are left out of it, so the ensemble
/// degrades to what fits.
/// </summary>
public sealed class EnsembleModel(string name, IReadOnlyList<IForecastModel> members, EnsembleCombination combination) : IForecastModel
{
    public string Name => name;

    public IReadOnlyList<IForecastModel> Members => members;

    public EnsembleCombination Combination => combination;

    public bool CanFit(int length, SeriesContext context) => members.Any(m => m.CanFit(length, context));

    public IFittedModel Fit(double[] values, SeriesContext context)
    {
        var fitted = new List<IFittedModel>();
        Exception? failure = null;
        foreach (var member in members.Where(m => m.CanFit(values.Length, context)))
        {
            try
            {
                fitted.Add(member.Fit(values, context));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
            {
                // Some learners cannot be estimated on degenerate series (LightGBM builds no tree on a constant
                // target): like a member too short to fit, it is left out, and the others answer.
                failure = e;
            }
        }

        if (fitted.Count == 0) throw new InvalidOperationException($"No member of {name} could be fitted.", failure);
        return new Fitted([.. fitted], combination);
    }

    public static double Combine(Span<double> values, EnsembleCombination combination)
    {
        if (combination == EnsembleCombination.Mean)
        {
            var sum = 0.0;
            foreach (var v in values)
            {
                sum += v;
            }

            return sum / values.Length;
        }

        values.Sort();
        var mid = values.Length / 2;
        return values.Length % 2 == 1 ? values[mid] : 0.5 * (values[mid - 1] + values[mid]);
    }

    private sealed class Fitted(IFittedModel[] members, EnsembleCombination combination) : IFittedModel
    {
        public double[] Forecast(ReadOnlySpan<double> history, int horizon)
        {
            var forecasts = new double[members.Length][];
            for (var i = 0; i < members.Length; i++)
            {
                forecasts[i] = members[i].Forecast(history, horizon);
            }

            var combined = new double[horizon];
            var column = new double[members.Length];
            for (var j = 0; j < horizon; j++)
            {
                var count = 0;
                foreach (var f in forecasts)
                {
                    if (double.IsFinite(f[j]))
                    {
                        column[count++] = f[j];
                    }
                }

                combined[j] = count == 0 ? history[^1] : Combine(column.AsSpan(0, count), combination);
            }

            return combined;
        }
    }
}
