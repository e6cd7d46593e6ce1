using FinFlow.Analytics.Forecasting.Boosting;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Analytics.Forecasting.Ensemble;

/// <summary>
/// The default forecaster per seasonal period: the strong members chosen on validation splits (the
/// last horizon of each M4 training series, never the test horizon) and, for daily data, on births
/// before the benchmark year. The boosting member defaults to one trained on the series itself; the
/// benchmark passes a global model trained across the whole set instead.
/// </summary>
public static class DefaultEnsembles
{
    public static EnsembleModel For(int seasonalPeriod, bool dated, IForecastModel? boosting = null)
    {
        boosting ??= new LightGbmModel();
        var autoEts = new AutoEtsModel();
        var theta = new SeasonallyAdjustedModel("OptimizedTheta", new OptimizedThetaModel());
        return seasonalPeriod switch
        {
            // Only the members that see the calendar are strong on daily data (births 2013: mean of the two
            // sMAPE 2.48, each alone 2.65-2.77, with AutoETS and Theta added 2.82).
            7 when dated => new EnsembleModel("Ensemble", [new DailyRegressionModel(), boosting], EnsembleCombination.Mean),
            // M4 Hourly validation split: OWA 0.506 (sNaive 0.629, LightGBM alone 0.514; when chosen, mean of
            // sNaive and LightGBM 0.523, median of four with Theta 0.599).
            24 => new EnsembleModel("Ensemble", [autoEts, new SeasonalNaiveModel(), boosting], EnsembleCombination.Median),
            // M4 Weekly validation split: OWA 0.860 (Damped 0.876, LightGBM 0.893; when chosen, mean of
            // AutoETS, optimized Theta, Damped and LightGBM 0.867, their median 0.875).
            1 => new EnsembleModel("Ensemble", [M4BenchmarkMethods.Damped, boosting], EnsembleCombination.Mean),
            // Monthly (no monthly data here to validate on): the robust median of the four strong general members.
            _ => new EnsembleModel("Ensemble", [autoEts, theta, M4BenchmarkMethods.Damped, boosting], EnsembleCombination.Median),
        };
    }

    /// <summary>The seasonal period a calendar frequency is modelled with (weekly: none, since 52.18 weeks make no fixed cycle).</summary>
    public static int SeasonalPeriod(Frequency frequency) => frequency switch
    {
        Frequency.Daily => 7,
        Frequency.Monthly => 12,
        _ => 1,
    };
}
