using FinFlow.Analytics.Categorization.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace FinFlow.Analytics.Categorization.Model;

/// <summary>
/// The ML.NET text model: word uni/bigrams and character 4-grams of the description plus the one-hot MCC,
/// into a maximum-entropy (softmax) classifier whose class probabilities are the confidence. Training is
/// single-threaded with a fixed seed, so the same examples give the same model.
/// </summary>
public sealed class CategoryModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly string[] _labels;

    private CategoryModel(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        _ml = ml;
        _model = model;
        var output = model.GetOutputSchema(schema);
        VBuffer<ReadOnlyMemory<char>> names = default;
        output["Score"].GetSlotNames(ref names);
        _labels = names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    public IReadOnlyList<string> Labels => _labels;

    public static CategoryModel Train(IReadOnlyList<TrainingExample> examples, int seed = 42)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var ml = new MLContext(seed);
        // Half the rows lose their MCC, so the text alone must carry the category (bank exports often have none).
        var rows = examples.Select((e, i) => new CategorizationInput { Text = e.Description, Mcc = i % 2 == 0 ? e.Mcc : "", Label = e.Category });
        var data = ml.Data.LoadFromEnumerable(rows);
        var text = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepNumbers = false,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("LabelKey", nameof(CategorizationInput.Label))
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(CategorizationInput.Text)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("MccFeatures", nameof(CategorizationInput.Mcc)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", "MccFeatures"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "LabelKey",
                NumberOfThreads = 1,
                MaximumNumberOfIterations = 40,
            }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        return new CategoryModel(ml, pipeline.Fit(data), data.Schema);
    }

    public static CategoryModel Load(string path)
    {
        var ml = new MLContext(42);
        var model = ml.Model.Load(path, out var schema);
        return new CategoryModel(ml, model, schema);
    }

    public void Save(string path)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<CategorizationInput>()).Schema;
        _ml.Model.Save(_model, schema, path);
    }

    /// <summary>Scores many descriptions in one pass (thread-safe: no shared prediction engine).</summary>
    public IReadOnlyList<ModelPrediction> Predict(IReadOnlyList<(string Text, string? Mcc)> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return [];
        var data = _ml.Data.LoadFromEnumerable(items.Select(i => new CategorizationInput { Text = i.Text, Mcc = i.Mcc ?? "" }));
        return _ml.Data.CreateEnumerable<CategorizationScore>(_model.Transform(data), reuseRowObject: false)
            .Select(s => new ModelPrediction(s.Predicted, s.Score.Length == 0 ? 0 : s.Score.Max()))
            .ToList();
    }
}
