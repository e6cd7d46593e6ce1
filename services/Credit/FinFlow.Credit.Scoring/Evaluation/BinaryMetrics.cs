namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// Discrimination and accuracy of default probabilities: AUC (ties count half), KS (largest gap between the
/// cumulative default and non-default distributions), Brier score, Gini (2·AUC−1, the "area ratio" of a
/// cumulative-gains chart) and the error rate at a 0.5 cut.
/// </summary>
public sealed record BinaryMetrics(int Count, double DefaultRate, double Auc, double Ks, double Brier, double ErrorRate)
{
    public double Gini => (2 * Auc) - 1;

    public static BinaryMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> defaulted)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(defaulted);
        var n = probabilities.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => probabilities[i]).ToArray();
        double bads = defaulted.Count(bad => bad), goods = n - bads;

        double rankSumOfBads = 0, cumulativeBads = 0, cumulativeGoods = 0, ks = 0;
        for (var start = 0; start < n;)
        {
            var end = start;
            while (end < n && probabilities[order[end]] == probabilities[order[start]])
                end++;
            var midRank = ((start + 1) + end) / 2.0; // tied scores share their average rank
            for (var k = start; k < end; k++)
            {
                if (defaulted[order[k]])
                {
                    rankSumOfBads += midRank;
                    cumulativeBads++;
                }
                else
                {
                    cumulativeGoods++;
                }
            }

            ks = Math.Max(ks, Math.Abs((cumulativeGoods / goods) - (cumulativeBads / bads)));
            start = end;
        }

        var auc = (rankSumOfBads - (bads * (bads + 1) / 2)) / (bads * goods);
        double brier = 0, errors = 0;
        for (var i = 0; i < n; i++)
        {
            var y = defaulted[i] ? 1.0 : 0.0;
            brier += (probabilities[i] - y) * (probabilities[i] - y);
            if ((probabilities[i] >= 0.5) != defaulted[i])
                errors++;
        }

        return new BinaryMetrics(n, bads / n, auc, ks, brier / n, errors / n);
    }
}
