using FinFlow.Analytics.Forecasting.Models.Ets;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// Automatic ETS: fits every admissible error/trend/season combination (additive or damped trend,
/// additive or multiplicative season; R's restrictions: no additive error with multiplicative season,
/// multiplicative forms only on positive data, seasons only for periods 2..24) and keeps the lowest AICc.
/// </summary>
public sealed class AutoEtsModel : IForecastModel
{
    private const int MaxSeasonalPeriod = 24;

    public string Name => "AutoETS";

    public bool CanFit(int length, SeriesContext context) => Candidates(length, context.SeasonalPeriod, true).Any();

    public IFittedModel Fit(double[] values, SeriesContext context)
    {
        var positive = values.All(v => v > 0);
        EtsFit? best = null;
        foreach (var spec in Candidates(values.Length, context.SeasonalPeriod, positive))
        {
            var fit = EtsFitter.Fit(values, spec, context.SeasonalPeriod);
            if (best is null || fit.Aicc < best.Aicc)
            {
                best = fit;
            }
        }

        return best ?? throw new InvalidOperationException("AutoETS: series too short for any ETS model");
    }

    private static IEnumerable<EtsSpec> Candidates(int length, int period, bool positive)
    {
        foreach (var error in new[] { false, true })
        {
            foreach (var trend in new[] { EtsTrend.None, EtsTrend.Additive, EtsTrend.DampedAdditive })
            {
                foreach (var season in new[] { EtsSeason.None, EtsSeason.Additive, EtsSeason.Multiplicative })
                {
                    var spec = new EtsSpec(error, trend, season);
                    var allowed = (!spec.NeedsPositiveData || positive)
                        && (!spec.IsSeasonal || period is > 1 and <= MaxSeasonalPeriod)
                        && !(season == EtsSeason.Multiplicative && !error);
                    if (allowed && EtsFitter.CanFit(spec, length, period))
                    {
                        yield return spec;
                    }
                }
            }
        }
    }
}
