using FinFlow.Credit.Scoring.Data;

namespace FinFlow.Credit.Scoring.Scorecards;

/// <summary>
/// Supervised binning for a scorecard. Numeric features start from quantile bins, then adjacent bins are pooled
/// until the default rate is monotone in the feature's risk direction (pool-adjacent-violators), bins that are
/// too small to trust are merged into their closest neighbour, and the most similar neighbours are merged until
/// at most the maximum remain. Nominal features group categories too small to trust with the category whose
/// default rate is closest. The result is deterministic: it depends only on the data, never on a random draw.
/// </summary>
public static class SupervisedBinner
{
    // Half a count on each side keeps the WoE of a bin without goods or bads finite.
    private const double Smoothing = 0.5;

    public static FeatureBinning Fit(FeatureSpec spec, double[] values, bool[] defaulted, BinningOptions options)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(defaulted);
        ArgumentNullException.ThrowIfNull(options);
        var minimumCount = (int)Math.Ceiling(options.MinimumBinShare * values.Length);
        return spec.Kind == FeatureKind.Nominal
            ? FitNominal(spec, values, defaulted, minimumCount)
            : FitNumeric(spec, values, defaulted, options, minimumCount);
    }

    private static FeatureBinning FitNumeric(FeatureSpec spec, double[] values, bool[] defaulted, BinningOptions options, int minimumCount)
    {
        var edges = InitialEdges(values, options.InitialBins);
        var bins = new List<Bin>();
        for (var i = 0; i <= edges.Length; i++)
            bins.Add(new Bin(i < edges.Length ? edges[i] : double.PositiveInfinity));
        foreach (var (value, bad) in values.Zip(defaulted))
        {
            var index = Array.BinarySearch(edges, value);
            bins[index >= 0 ? index : ~index].Add(bad);
        }

        bins.RemoveAll(bin => bin.Count == 0);
        var increasing = spec.Direction switch
        {
            RiskDirection.IncreasesRisk => true,
            RiskDirection.DecreasesRisk => false,
            _ => Correlation(values, defaulted) >= 0,
        };
        bins = PoolViolators(bins, increasing);
        MergeSmallNeighbours(bins, minimumCount);
        while (bins.Count > options.MaximumBins)
            MergeAt(bins, ClosestNeighbours(bins));

        return Build(spec, bins, bins.Take(bins.Count - 1).Select(bin => bin.Upper).ToArray(), []);
    }

    private static FeatureBinning FitNominal(FeatureSpec spec, double[] values, bool[] defaulted, int minimumCount)
    {
        var categoryCount = spec.Categories?.Count ?? (int)values.Max() + 1;
        var groups = Enumerable.Range(0, categoryCount).Select(code => new Bin(code) { Codes = { code } }).ToList();
        foreach (var (value, bad) in values.Zip(defaulted))
            groups[(int)value].Add(bad);
        groups.RemoveAll(group => group.Count == 0);
        while (groups.Count > 1 && groups.FindIndex(group => IsTooSmall(group, minimumCount)) is var small and >= 0)
        {
            var target = Enumerable.Range(0, groups.Count)
                .Where(index => index != small)
                .MinBy(index => Math.Abs(groups[index].Rate - groups[small].Rate));
            groups[target].Absorb(groups[small]);
            groups.RemoveAt(small);
        }

        var binOfCategory = Enumerable.Repeat(-1, categoryCount).ToArray();
        for (var bin = 0; bin < groups.Count; bin++)
            foreach (var code in groups[bin].Codes)
                binOfCategory[code] = bin;
        return Build(spec, groups, [], binOfCategory);
    }

    private static double[] InitialEdges(double[] values, int initialBins)
    {
        var sorted = values.Order().ToArray();
        var edges = new SortedSet<double>();
        for (var k = 1; k < initialBins; k++)
            edges.Add(sorted[(int)((long)k * sorted.Length / initialBins)]);
        edges.Remove(sorted[^1]);
        return [.. edges];
    }

    private static List<Bin> PoolViolators(List<Bin> bins, bool increasing)
    {
        var pooled = new List<Bin>();
        foreach (var bin in bins)
        {
            pooled.Add(bin);
            while (pooled.Count > 1 && Violates(pooled[^2], pooled[^1], increasing))
                MergeAt(pooled, pooled.Count - 2);
        }

        return pooled;
    }

    private static bool Violates(Bin lower, Bin upper, bool increasing) =>
        increasing ? lower.Rate > upper.Rate : lower.Rate < upper.Rate;

    private static void MergeSmallNeighbours(List<Bin> bins, int minimumCount)
    {
        while (bins.Count > 1 && bins.FindIndex(bin => IsTooSmall(bin, minimumCount)) is var small and >= 0)
        {
            var mergeWithNext = small == 0
                || (small < bins.Count - 1
                    && Math.Abs(bins[small + 1].Rate - bins[small].Rate) < Math.Abs(bins[small - 1].Rate - bins[small].Rate));
            MergeAt(bins, mergeWithNext ? small : small - 1);
        }
    }

    private static bool IsTooSmall(Bin bin, int minimumCount) => bin.Count < minimumCount || bin.Bads == 0 || bin.Bads == bin.Count;

    private static int ClosestNeighbours(List<Bin> bins) =>
        Enumerable.Range(0, bins.Count - 1).MinBy(index => Math.Abs(bins[index + 1].Rate - bins[index].Rate));

    /// <summary>Merges bin <paramref name="index"/> with the next one (the merged bin keeps the upper edge of the second).</summary>
    private static void MergeAt(List<Bin> bins, int index)
    {
        bins[index + 1].Absorb(bins[index]);
        bins.RemoveAt(index);
    }

    private static FeatureBinning Build(FeatureSpec spec, List<Bin> bins, double[] upperEdges, int[] binOfCategory)
    {
        double totalBad = bins.Sum(bin => bin.Bads), totalGood = bins.Sum(bin => bin.Count - bin.Bads);
        var woe = bins
            .Select(bin => Math.Log(((bin.Bads + Smoothing) / (totalBad + Smoothing)) / ((bin.Count - bin.Bads + Smoothing) / (totalGood + Smoothing))))
            .ToArray();
        return new FeatureBinning
        {
            Name = spec.Name,
            Kind = spec.Kind,
            UpperEdges = upperEdges,
            BinOfCategory = binOfCategory,
            Woe = woe,
            Counts = bins.Select(bin => bin.Count).ToArray(),
            Defaults = bins.Select(bin => bin.Bads).ToArray(),
        };
    }

    private static double Correlation(double[] values, bool[] defaulted)
    {
        double meanX = values.Average(), meanY = defaulted.Average(bad => bad ? 1.0 : 0.0), covariance = 0;
        for (var i = 0; i < values.Length; i++)
            covariance += (values[i] - meanX) * ((defaulted[i] ? 1 : 0) - meanY);
        return covariance;
    }

    private sealed class Bin(double upper)
    {
        public double Upper { get; private set; } = upper;

        public int Count { get; private set; }

        public int Bads { get; private set; }

        public List<int> Codes { get; } = [];

        public double Rate => Count == 0 ? 0 : (double)Bads / Count;

        public void Add(bool bad)
        {
            Count++;
            if (bad)
                Bads++;
        }

        public void Absorb(Bin other)
        {
            Count += other.Count;
            Bads += other.Bads;
            Codes.AddRange(other.Codes);
            Upper = Math.Max(Upper, other.Upper);
        }
    }
}
