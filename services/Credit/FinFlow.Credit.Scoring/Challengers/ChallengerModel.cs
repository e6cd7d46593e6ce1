using System.Collections.Concurrent;
using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Scorecards;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace FinFlow.Credit.Scoring.Challengers;

/// <summary>
/// The challenger: LightGBM on the same columns as the scorecard, Platt-calibrated on a fold it was not fitted on
/// (boosted scores are sharp but not probabilities), with ML.NET's feature contributions for reason codes. Its saved
/// form is one ML.NET model file: boosted trees, contribution calculator and calibrator in one chain.
/// </summary>
public sealed class ChallengerModel : ICreditScorer
{
    private readonly MLContext _mlContext;
    private readonly ITransformer _chain;
    private readonly int _width;
    private readonly ConcurrentBag<PredictionEngine<ChallengerRow, ChallengerPrediction>> _engines = [];

    private ChallengerModel(MLContext mlContext, ITransformer chain, int width, double contributionScale)
    {
        _mlContext = mlContext;
        _chain = chain;
        _width = width;
        ContributionScale = contributionScale;
    }

    public string Kind => "challenger";

    /// <summary>Calibrated log-odds per unit of raw boosted score (|Platt slope|): turns contributions into log-odds.</summary>
    public double ContributionScale { get; }

    public static ChallengerModel Train(CreditDataset data, ChallengerOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var mlContext = new MLContext(options.Seed);
        var width = data.Features.Count;
        var folds = StratifiedFolds.Assign(data.Defaulted, (int)Math.Round(1 / options.CalibrationShare), options.Seed);
        var (fitRows, calibrationRows) = StratifiedFolds.Split(folds, 0);
        var fitView = View(mlContext, data.Subset(fitRows), width);
        var calibrationView = View(mlContext, data.Subset(calibrationRows), width);

        var boosted = mlContext.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            NumberOfIterations = options.Iterations,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinimumRowsPerLeaf,
            NumberOfThreads = 1, // one thread: the same data and seed give the same trees
            Seed = options.Seed,
            Silent = true,
            Verbose = false,
        }).Fit(fitView);
        var contributions = mlContext.Transforms
            .CalculateFeatureContribution(boosted, numberOfPositiveContributions: width, numberOfNegativeContributions: width, normalize: false)
            .Fit(fitView);
        var platt = mlContext.BinaryClassification.Calibrators.Platt().Fit(boosted.Transform(calibrationView));
        var chain = new TransformerChain<ITransformer>(boosted, contributions, platt);
        return new ChallengerModel(mlContext, chain, width, LogitPerRawScore(chain.Transform(calibrationView)));
    }

    public void Save(string path) =>
        _mlContext.Model.Save(_chain, _mlContext.Data.LoadFromEnumerable(Array.Empty<ChallengerRow>(), ChallengerRow.Schema(_width)).Schema, path);

    public static ChallengerModel Load(string path, int width, double contributionScale)
    {
        var mlContext = new MLContext(0);
        var chain = mlContext.Model.Load(path, out _);
        return new ChallengerModel(mlContext, chain, width, contributionScale);
    }

    public double DefaultLogit(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null) =>
        ScoreScale.Logit(Math.Clamp(Predict(values).Probability, 1e-6, 1 - 1e-6));

    public double ProbabilityOfDefault(IReadOnlyList<double> values) => Predict(values).Probability;

    public IReadOnlyList<double> PointsLost(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null)
    {
        var contributions = Predict(values).FeatureContributions;
        return contributions.Select(raw => Math.Max(0, raw * ContributionScale * ScoreScale.Standard.Factor)).ToArray();
    }

    private ChallengerPrediction Predict(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        // PredictionEngine is not thread-safe; a pool keeps concurrent scoring cheap without sharing one.
        if (!_engines.TryTake(out var engine))
            engine = _mlContext.Model.CreatePredictionEngine<ChallengerRow, ChallengerPrediction>(_chain, ignoreMissingColumns: true, inputSchemaDefinition: ChallengerRow.Schema(_width));
        try
        {
            return engine.Predict(ChallengerRow.From(values));
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <summary>
    /// Platt is linear in log-odds, so two scored rows far apart give its slope exactly (ML.NET does not expose the
    /// fitted calibrator's parameters on the transformer).
    /// </summary>
    private static double LogitPerRawScore(IDataView scored)
    {
        var raw = scored.GetColumn<float>("Score").ToArray();
        var probability = scored.GetColumn<float>("Probability").ToArray();
        int low = Array.IndexOf(raw, raw.Min()), high = Array.IndexOf(raw, raw.Max());
        double Logit(int row) => ScoreScale.Logit(Math.Clamp(probability[row], 1e-6, 1 - 1e-6));
        return Math.Abs((Logit(high) - Logit(low)) / (raw[high] - raw[low]));
    }

    private static IDataView View(MLContext mlContext, CreditDataset data, int width) =>
        mlContext.Data.LoadFromEnumerable(
            data.Rows.Select((row, index) => ChallengerRow.From(row, data.Defaulted[index])).ToArray(),
            ChallengerRow.Schema(width));
}
