using FinFlow.Analytics.Categorization.Model;
using FinFlow.Analytics.Categorization.Rules;
using FinFlow.Analytics.Categorization.Taxonomy;

namespace FinFlow.Analytics.Categorization;

/// <summary>
/// Rules first (the user's own corrections are always right for them), then the model, which abstains
/// below <see cref="Threshold"/> (chosen on held-out merchants for 95% precision).
/// </summary>
public sealed class Categorizer(CategoryModel model, double threshold)
{
    public double Threshold { get; } = threshold;

    public IReadOnlyList<CategorizationResult> Categorize(UserRuleBook rules, IReadOnlyList<(string Description, string? Mcc)> items)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(items);
        var results = new CategorizationResult?[items.Count];
        var toModel = new List<int>();
        for (var i = 0; i < items.Count; i++)
        {
            if (rules.Match(items[i].Description) is { } category) results[i] = new CategorizationResult(category, 1.0, "rule");
            else toModel.Add(i);
        }

        var predictions = model.Predict(toModel.Select(i => items[i]).ToList());
        for (var j = 0; j < toModel.Count; j++)
        {
            var prediction = predictions[j];
            var confidence = Math.Round(prediction.Confidence, 4);
            results[toModel[j]] = prediction.Confidence >= Threshold
                ? new CategorizationResult(prediction.Category, confidence, "model")
                : new CategorizationResult(CategoryTaxonomy.Uncategorized, confidence, "none");
        }

        return results.Select(r => r!).ToList();
    }
}
