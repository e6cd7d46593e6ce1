using System.Security.Cryptography;
using FinFlow.Analytics.Categorization.Model;

namespace FinFlow.Analytics.Categorization.Training;

/// <summary>
/// Trains and evaluates with splits grouped by merchant (70% train, 15% calibration for the abstain
/// threshold, 15% test), so no merchant is in two splits and the metrics measure unseen merchants.
/// </summary>
public static class CategorizationTraining
{
    public static (Categorizer Categorizer, CategoryModel Model, CategorizationModelCard Card) Run(string mccFile, int seed = 42, string version = "dev")
    {
        var examples = DescriptionGenerator.Generate(MccCatalog.Load(mccFile));
        var split = Split(examples, seed);
        var model = CategoryModel.Train(split.Train, seed);

        var calibration = Score(model, split.Calibration);
        var (threshold, _, _) = AbstainThreshold.Choose(calibration.Select(c => (c.Confidence, c.Expected == c.Predicted)).ToList());
        var test = Score(model, split.Test);
        var (accuracy, macroF1) = ClassificationMetrics.Compute(test.Select(t => (t.Expected, t.Predicted)).ToList());
        var testKept = test.Where(t => t.Confidence >= threshold).ToList();
        var card = new CategorizationModelCard(
            version, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(mccFile))), seed,
            split.Train.Count, split.Calibration.Count, split.Test.Count, split.Test.Select(t => t.Merchant).Distinct(StringComparer.Ordinal).Count(),
            Math.Round(accuracy, 4), Math.Round(macroF1, 4), Math.Round(threshold, 4),
            Math.Round(testKept.Count / (double)test.Count, 4),
            Math.Round(testKept.Count == 0 ? 0 : testKept.Count(t => t.Expected == t.Predicted) / (double)testKept.Count, 4));
        return (new Categorizer(model, threshold), model, card);
    }

    public static (List<TrainingExample> Train, List<TrainingExample> Calibration, List<TrainingExample> Test) Split(IReadOnlyList<TrainingExample> examples, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var random = new Random(seed);
        var merchants = examples.Select(e => e.Merchant).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).OrderBy(_ => random.Next()).ToList();
        var part = merchants.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => (x.i * 20 / merchants.Count) switch { < 14 => 0, < 17 => 1, _ => 2 }, StringComparer.Ordinal);
        return (examples.Where(e => part[e.Merchant] == 0).ToList(), examples.Where(e => part[e.Merchant] == 1).ToList(), examples.Where(e => part[e.Merchant] == 2).ToList());
    }

    private static List<(string Expected, string Predicted, double Confidence)> Score(CategoryModel model, IReadOnlyList<TrainingExample> rows)
    {
        // Every other row without its MCC, as in training: many bank exports carry none.
        var predictions = model.Predict(rows.Select((r, i) => (r.Description, i % 2 == 0 ? (string?)r.Mcc : null)).ToList());
        return rows.Select((r, i) => (r.Category, predictions[i].Category, predictions[i].Confidence)).ToList();
    }
}
