namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// Disparate-impact report: approval rate per group of every protected attribute. The attributes are only ever
/// read here, after the decisions are made; no model sees them.
/// </summary>
public static class DisparateImpact
{
    public static IReadOnlyList<GroupApproval> Compute(IReadOnlyList<bool> approved, IReadOnlyDictionary<string, string[]> groups)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(groups);
        var report = new List<GroupApproval>();
        foreach (var (attribute, labels) in groups.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var rates = Enumerable.Range(0, labels.Length)
                .GroupBy(row => labels[row])
                .OrderBy(group => group.Key, StringComparer.Ordinal)
                .Select(group => (Group: group.Key, Count: group.Count(), Rate: group.Average(row => approved[row] ? 1.0 : 0.0)))
                .ToArray();
            var best = rates.Max(rate => rate.Rate);
            report.AddRange(rates.Select(rate => new GroupApproval(attribute, rate.Group, rate.Count, rate.Rate, best == 0 ? 1 : rate.Rate / best)));
        }

        return report;
    }
}
