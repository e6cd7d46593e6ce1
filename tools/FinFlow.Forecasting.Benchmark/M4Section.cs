using System.Diagnostics;
using FinFlow.Analytics.Forecasting.Boosting;
using FinFlow.Analytics.Forecasting.Data;
using FinFlow.Analytics.Forecasting.Ensemble;
using FinFlow.Analytics.Forecasting.Models;

namespace FinFlow.Forecasting.Benchmark;

/// <summary>One M4 set: every benchmark method, our models and the ensemble, scored as M4 scores them.</summary>
internal static class M4Section
{
    /// <summary>Global boosting settings: bigger trees than the per-request model, since it sees hundreds of series.</summary>
    public static LightGbmSettings GlobalSettings { get; } = new(Iterations: 400, LearningRate: 0.05, Leaves: 63, MinLeafCount: 50, MaxRowsPerSeries: 800);

    public static void Run(M4Dataset data, IReadOnlyList<(string Method, double Owa)> anchors, string aim, int threads, bool candidates)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine();
        Console.WriteLine($"## M4 {data.Name}: {data.Train.Count} series, horizon {data.Horizon}, MASE period m = {data.SeasonalPeriod}");
        var stopwatch = Stopwatch.StartNew();
        var global = new LightGbmModel(GlobalSettings).TrainGlobal(data.Train.Select(s => s.Values).ToList(), new SeriesContext(data.SeasonalPeriod));
        var trainingTime = stopwatch.Elapsed;
        var boosting = new PretrainedModel("LightGBM (global)", global);
        var ensemble = DefaultEnsembles.For(data.SeasonalPeriod, dated: false, boosting);
        IEnumerable<IForecastModel> methods = [.. M4BenchmarkMethods.All, new AutoEtsModel(),
            new SeasonallyAdjustedModel("OptimizedTheta", new OptimizedThetaModel()), boosting, ensemble];
        if (candidates)
        {
            methods = methods.Concat(Candidates(data.SeasonalPeriod, boosting));
        }

        var naive2 = M4Run.Score(data, M4BenchmarkMethods.Naive2, threads).Summary;
        Console.WriteLine($"| {"method",-62} | {"sMAPE",7} | {"MASE",6} | {"OWA",6} | {"time s",6} |");
        Console.WriteLine($"|{new string('-', 64)}|{new string('-', 9)}|{new string('-', 8)}|{new string('-', 8)}|{new string('-', 8)}|");
        var ensembleTime = TimeSpan.Zero;
        foreach (var model in methods)
        {
            var (summary, elapsed) = M4Run.Score(data, model, threads);
            var name = model == ensemble ? $"Ensemble ({Describe(ensemble)})" : model.Name;
            if (model == boosting || model == ensemble)
            {
                elapsed += trainingTime;
            }

            if (model == ensemble)
            {
                ensembleTime = elapsed;
            }

            Console.WriteLine($"| {name,-62} | {summary.Smape,7:F3} | {summary.Mase,6:F3} | {summary.OwaAgainst(naive2),6:F3} | {elapsed.TotalSeconds,6:F1} |");
        }

        Console.WriteLine($"Anchors (official M4 OWA): {string.Join(", ", anchors.Select(a => $"{a.Method} {a.Owa:F3}"))}; aim: ensemble OWA {aim}.");
        Console.WriteLine($"Wall time: ensemble on the whole set {ensembleTime.TotalSeconds:F1} s (global LightGBM training {trainingTime.TotalSeconds:F1} s included, {threads} threads); whole section {total.Elapsed.TotalSeconds:F1} s.");
    }

    private static string Describe(EnsembleModel ensemble) =>
        $"{ensemble.Combination.ToString().ToLowerInvariant()}: {string.Join(", ", ensemble.Members.Select(m => m.Name))}";

    // Alternatives compared on the validation split only (--validate), never chosen on the test horizon.
    private static IEnumerable<IForecastModel> Candidates(int period, IForecastModel boosting)
    {
        var autoEts = new AutoEtsModel();
        var theta = new SeasonallyAdjustedModel("OptimizedTheta", new OptimizedThetaModel());
        var damped = M4BenchmarkMethods.Damped;
        var seasonalNaive = new SeasonalNaiveModel();
        yield return new EnsembleModel("cand mean(ETS,OTheta,Damped,GBM)", [autoEts, theta, damped, boosting], EnsembleCombination.Mean);
        yield return new EnsembleModel("cand median(ETS,OTheta,Damped,GBM)", [autoEts, theta, damped, boosting], EnsembleCombination.Median);
        yield return new EnsembleModel("cand mean(ETS,Theta,GBM)", [autoEts, M4BenchmarkMethods.Theta, boosting], EnsembleCombination.Mean);
        yield return new EnsembleModel("cand mean(Damped,GBM)", [damped, boosting], EnsembleCombination.Mean);
        if (period > 1)
        {
            yield return new EnsembleModel("cand median(ETS,sNaive,GBM)", [autoEts, seasonalNaive, boosting], EnsembleCombination.Median);
            yield return new EnsembleModel("cand mean(sNaive,GBM)", [seasonalNaive, boosting], EnsembleCombination.Mean);
            yield return new EnsembleModel("cand median(ETS,OTheta,sNaive,GBM)", [autoEts, theta, seasonalNaive, boosting], EnsembleCombination.Median);
            yield return new EnsembleModel("cand mean(ETS,sNaive,GBM)", [autoEts, seasonalNaive, boosting], EnsembleCombination.Mean);
        }
    }
}
