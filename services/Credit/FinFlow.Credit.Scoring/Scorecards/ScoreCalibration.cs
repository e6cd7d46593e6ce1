namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// A strictly increasing map from the scorecard's additive log-odds to calibrated log-odds: isotonic regression of
/// the default label on out-of-fold log-odds, with blocks of at least a minimum size, joined by straight lines
/// between block centres and continued with slope 1 beyond the ends. Logistic regression on WoE columns ranks well
/// but over-states risk in the middle of the range (an additive model cannot follow the interactions of the delay
/// columns); this map corrects that while keeping every ordering, so monotonicity and reasons survive it.
/// </summary>
public sealed class ScoreCalibration
{
    /// <summary>Knot positions on the additive log-odds, strictly increasing.</summary>
    public required double[] RawLogits { get; init; }

    /// <summary>Calibrated log-odds at each knot, strictly increasing.</summary>
    public required double[] CalibratedLogits { get; init; }

    public double Map(double rawLogit)
    {
        if (rawLogit <= RawLogits[0])
            return CalibratedLogits[0] + (rawLogit - RawLogits[0]);
        if (rawLogit >= RawLogits[^1])
            return CalibratedLogits[^1] + (rawLogit - RawLogits[^1]);
        var upper = Array.BinarySearch(RawLogits, rawLogit);
        if (upper >= 0)
            return CalibratedLogits[upper];
        upper = ~upper;
        var share = (rawLogit - RawLogits[upper - 1]) / (RawLogits[upper] - RawLogits[upper - 1]);
        return CalibratedLogits[upper - 1] + (share * (CalibratedLogits[upper] - CalibratedLogits[upper - 1]));
    }

    public static ScoreCalibration Fit(IReadOnlyList<double> rawLogits, IReadOnlyList<bool> defaulted, int minimumBlock)
    {
        ArgumentNullException.ThrowIfNull(rawLogits);
        ArgumentNullException.ThrowIfNull(defaulted);
        // Rows with the same log-odds are one unit: a scorecard gives many rows identical scores, and splitting a tie
        // by row order would make the fit depend on it.
        var blocks = Enumerable.Range(0, rawLogits.Count)
            .GroupBy(row => rawLogits[row])
            .OrderBy(group => group.Key)
            .Select(group => new Block(group.Key * group.Count(), group.Count(), group.Count(row => defaulted[row])))
            .ToList();

        var pooled = new List<Block>();
        foreach (var block in blocks)
        {
            pooled.Add(block);
            while (pooled.Count > 1 && pooled[^2].Rate >= pooled[^1].Rate)
                MergeLast(pooled);
        }

        for (var i = 0; i < pooled.Count && pooled.Count > 1;)
        {
            if (pooled[i].Count >= minimumBlock)
            {
                i++;
                continue;
            }

            var target = i == pooled.Count - 1 ? i - 1 : i;
            pooled[target] = pooled[target].With(pooled[target + 1]);
            pooled.RemoveAt(target + 1);
            i = Math.Max(0, target - 1);
        }

        // Merging small blocks can leave equal neighbours; pool again so the knots stay strictly increasing.
        var knots = new List<Block>();
        foreach (var block in pooled)
        {
            knots.Add(block);
            while (knots.Count > 1 && knots[^2].Rate >= knots[^1].Rate)
                MergeLast(knots);
        }

        var floor = 0.5 / rawLogits.Count;
        return new ScoreCalibration
        {
            RawLogits = knots.Select(block => block.LogitSum / block.Count).ToArray(),
            CalibratedLogits = knots.Select(block => ScoreScale.Logit(Math.Clamp(block.Rate, floor, 1 - floor))).ToArray(),
        };
    }

    private static void MergeLast(List<Block> blocks)
    {
        blocks[^2] = blocks[^2].With(blocks[^1]);
        blocks.RemoveAt(blocks.Count - 1);
    }

    private readonly record struct Block(double LogitSum, int Count, int Defaults)
    {
        public double Rate => (double)Defaults / Count;

        public Block With(Block other) => new(LogitSum + other.LogitSum, Count + other.Count, Defaults + other.Defaults);
    }
}
