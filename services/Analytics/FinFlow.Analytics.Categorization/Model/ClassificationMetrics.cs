namespace FinFlow.Analytics.Categorization.Model;

/// <summary>Accuracy and macro-F1 (the unweighted mean of per-category F1, so small categories count as much as big ones).</summary>
public static class ClassificationMetrics
{
    public static (double Accuracy, double MacroF1) Compute(IReadOnlyList<(string Expected, string Predicted)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0) return (0, 0);
        var accuracy = pairs.Count(p => p.Expected == p.Predicted) / (double)pairs.Count;
        var f1 = pairs.Select(p => p.Expected).Distinct(StringComparer.Ordinal).Select(label =>
        {
            var truePositive = pairs.Count(p => p.Expected == label && p.Predicted == label);
            var predicted = pairs.Count(p => p.Predicted == label);
            var actual = pairs.Count(p => p.Expected == label);
            var precision = predicted == 0 ? 0 : truePositive / (double)predicted;
            var recall = truePositive / (double)actual;
            return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        });
        return (accuracy, f1.Average());
    }
}
