using FinFlow.Analytics.Forecasting.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace FinFlow.Analytics.Forecasting.Boosting;

/// <summary>
/// Gradient boosting (ML.NET LightGBM) on scaled lags and calendar features, forecasting recursively one
/// step at a time. Trained on many series at once it is a global model (<see cref="TrainGlobal"/>); as an
/// <see cref="IForecastModel"/> it trains on the one series it is given.
/// </summary>
public sealed class LightGbmModel(LightGbmSettings? settings = null, Func<SeriesContext, LagFeatureSpec>? featureSpec = null) : IForecastModel
{
    private const int MinTrainingRows = 30;

    private readonly LightGbmSettings settings = settings ?? LightGbmSettings.SingleSeries;

    public string Name => "LightGBM";

    public bool CanFit(int length, SeriesContext context) => length - Spec(context).ScaleWindow >= MinTrainingRows;

    public IFittedModel Fit(double[] values, SeriesContext context) => TrainGlobal([values], context);

    /// <summary>Trains one model on the windows of every series; the result forecasts any series given as history.</summary>
    public IFittedModel TrainGlobal(IReadOnlyList<double[]> series, SeriesContext context)
    {
        var spec = Spec(context);
        var axis = spec.Calendar ? context.Axis : null;
        var rows = new List<FeatureRow>();
        foreach (var y in series)
        {
            var first = Math.Max(spec.ScaleWindow, y.Length - settings.MaxRowsPerSeries);
            for (var t = first; t < y.Length; t++)
            {
                var scaling = spec.Window(y, t);
                var features = new float[spec.FeatureCount];
                spec.Fill(y, t, scaling, axis, features);
                rows.Add(new FeatureRow { Label = scaling.Normalize(y[t]), Features = features });
            }
        }

        var ml = new MLContext(settings.Seed);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, spec.FeatureCount);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = settings.Iterations,
            LearningRate = settings.LearningRate,
            NumberOfLeaves = settings.Leaves,
            MinimumExampleCountPerLeaf = settings.MinLeafCount,
            Seed = settings.Seed,
            NumberOfThreads = 1,
            Deterministic = true,
            Silent = true,
            Verbose = false,
            HandleMissingValue = true,
            Booster = new GradientBooster.Options { FeatureFraction = 0.9, SubsampleFraction = 0.8, SubsampleFrequency = 1, L2Regularization = 0.1 },
        });
        var model = trainer.Fit(data);
        var engine = ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(model, inputSchemaDefinition: schema);
        return new LightGbmForecaster(spec, axis, engine);
    }

    private LagFeatureSpec Spec(SeriesContext context) =>
        featureSpec?.Invoke(context) ?? LagFeatureSpec.For(context.SeasonalPeriod, context.Axis is not null);
}
