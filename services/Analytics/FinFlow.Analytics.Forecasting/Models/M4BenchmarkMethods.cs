using FinFlow.Analytics.Forecasting.Ensemble;
using FinFlow.Analytics.Forecasting.Models.Ets;

namespace FinFlow.Analytics.Forecasting.Models;

/// <summary>
/// The M4 competition's statistical benchmarks as its published R code defines them: Naive, Seasonal
/// Naive, and Naive2, SES, Holt, Damped, Theta and Comb (mean of SES, Holt, Damped) on the
/// seasonally adjusted series.
/// </summary>
public static class M4BenchmarkMethods
{
    public static IForecastModel Naive { get; } = new NaiveModel();

    public static IForecastModel SeasonalNaive { get; } = new SeasonalNaiveModel();

    public static IForecastModel Naive2 { get; } = new SeasonallyAdjustedModel("Naive2", new NaiveModel());

    public static IForecastModel Ses { get; } = Adjusted("SES", EtsTrend.None);

    public static IForecastModel Holt { get; } = Adjusted("Holt", EtsTrend.Additive);

    public static IForecastModel Damped { get; } = Adjusted("Damped", EtsTrend.DampedAdditive);

    public static IForecastModel Theta { get; } = new SeasonallyAdjustedModel("Theta", new ThetaClassicModel());

    public static IForecastModel Comb { get; } = new EnsembleModel("Comb", [Ses, Holt, Damped], EnsembleCombination.Mean);

    public static IReadOnlyList<IForecastModel> All { get; } = [Naive, SeasonalNaive, Naive2, Ses, Holt, Damped, Theta, Comb];

    private static SeasonallyAdjustedModel Adjusted(string name, EtsTrend trend) =>
        new(name, new EtsModel(new EtsSpec(false, trend, EtsSeason.None), name));
}
