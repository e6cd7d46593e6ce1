using FinFlow.Credit.Scoring.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// Fits a scorecard: supervised bins and WoE per feature, then ML.NET's L-BFGS logistic regression on the WoE
/// columns. A feature whose weight comes out zero or negative (collinearity turning its sign against its own
/// WoE) is dropped and the regression refitted, so every kept feature moves risk the way its bins say: that is
/// what makes the points monotone and the reason codes honest. Finally the log-odds are calibrated on
/// out-of-fold predictions of inner fits (cross-fitting), so no row calibrates a model that saw it.
/// </summary>
public static class ScorecardTrainer
{
    public static Scorecard Train(CreditDataset data, ScorecardTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var folds = Evaluation.StratifiedFolds.Assign(data.Defaulted, options.CalibrationFolds, options.Seed);
        var outOfFold = new double[data.Count];
        for (var fold = 0; fold < options.CalibrationFolds; fold++)
        {
            var (train, test) = Evaluation.StratifiedFolds.Split(folds, fold);
            var inner = TrainAdditive(data.Subset(train), options);
            foreach (var row in test)
                outOfFold[row] = inner.RawLogit(data.Rows[row]);
        }

        var minimumBlock = Math.Max(50, (int)(options.CalibrationBlockShare * data.Count));
        var additive = TrainAdditive(data, options);
        return new Scorecard
        {
            InputFeatures = additive.InputFeatures,
            Features = additive.Features,
            Intercept = additive.Intercept,
            Scale = additive.Scale,
            Calibration = ScoreCalibration.Fit(outOfFold, data.Defaulted, minimumBlock),
        };
    }

    /// <summary>Bins, WoE and the regression, without the calibration map.</summary>
    public static Scorecard TrainAdditive(CreditDataset data, ScorecardTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        var binnings = data.Features
            .Select((spec, index) => SupervisedBinner.Fit(spec, data.Column(index), data.Defaulted, options.Binning))
            .ToArray();
        var active = Enumerable.Range(0, binnings.Length)
            .Where(index => binnings[index].InformationValue >= options.MinimumInformationValue)
            .ToList();

        while (true)
        {
            var (weights, bias) = FitLogistic(data, binnings, active, options);
            var worst = Enumerable.Range(0, active.Count).MinBy(i => weights[i]);
            if (weights[worst] > 0)
            {
                return new Scorecard
                {
                    InputFeatures = data.Features.Select(spec => spec.Name).ToArray(),
                    Features = active.Select((feature, i) => new ScorecardFeature(binnings[feature], weights[i])).ToArray(),
                    Intercept = bias,
                    Scale = ScoreScale.Standard,
                };
            }

            active.RemoveAt(worst);
            if (active.Count == 0)
                throw new InvalidOperationException("No feature keeps a positive weight; the data cannot support a scorecard.");
        }
    }

    private static (double[] Weights, double Bias) FitLogistic(
        CreditDataset data, FeatureBinning[] binnings, List<int> active, ScorecardTrainingOptions options)
    {
        var mlContext = new MLContext(options.Seed);
        var rows = new WoeRow[data.Count];
        for (var r = 0; r < data.Count; r++)
        {
            var woe = new float[active.Count];
            for (var i = 0; i < active.Count; i++)
                woe[i] = (float)binnings[active[i]].WoeOf(data.Rows[r][active[i]]);
            rows[r] = new WoeRow { Label = data.Defaulted[r], Features = woe };
        }

        var view = mlContext.Data.LoadFromEnumerable(rows, WoeRow.Schema(active.Count));
        var trainer = mlContext.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = options.L2Regularization,
            OptimizationTolerance = 1e-8f,
            MaximumNumberOfIterations = 1000,
            NumberOfThreads = 1, // one thread: the same data and seed give the same weights to the last bit
        });
        var model = trainer.Fit(view).Model.SubModel;
        return (model.Weights.Select(weight => (double)weight).ToArray(), model.Bias);
    }

    private sealed class WoeRow
    {
        public bool Label { get; set; }

        public float[] Features { get; set; } = [];

        public static SchemaDefinition Schema(int width)
        {
            var schema = SchemaDefinition.Create(typeof(WoeRow));
            schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
            return schema;
        }
    }
}
