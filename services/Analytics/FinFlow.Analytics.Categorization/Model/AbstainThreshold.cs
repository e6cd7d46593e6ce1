namespace FinFlow.Analytics.Categorization.Model;

/// <summary>
/// Chooses the confidence below which the categorizer answers <c>Uncategorized</c>: the lowest threshold at
/// which the answers it keeps on held-out data are still at least <c>targetPrecision</c> right, which keeps
/// as many answers as that precision allows.
/// </summary>
public static class AbstainThreshold
{
    public static (double Threshold, double Coverage, double Precision) Choose(
        IReadOnlyList<(double Confidence, bool Correct)> calibration, double targetPrecision = 0.95)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        if (calibration.Count == 0) return (1.0, 0, 0);
        var ranked = calibration.OrderByDescending(c => c.Confidence).ToList();
        var best = (Threshold: 1.0, Coverage: 0.0, Precision: 0.0);
        var correct = 0;
        for (var k = 0; k < ranked.Count; k++)
        {
            if (ranked[k].Correct) correct++;
            // Only cut between distinct confidences: equal scores cannot be told apart by a threshold.
            if (k + 1 < ranked.Count && ranked[k + 1].Confidence == ranked[k].Confidence) continue;
            var precision = correct / (double)(k + 1);
            if (precision >= targetPrecision) best = (ranked[k].Confidence, (k + 1) / (double)ranked.Count, precision);
        }

        return best;
    }
}
