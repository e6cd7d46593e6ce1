using FinFlow.Credit.Scoring.Data;
using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Tests;

public sealed class BinningTests
{
    /// <summary>Rows 0..n-1 with value i % 100 and a default rate that rises with the value but wiggles.</summary>
    private static (double[] Values, bool[] Defaulted) Wiggly(int n)
    {
        var values = new double[n];
        var defaulted = new bool[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = i % 100;
            var rate = 0.1 + (0.005 * values[i]) + ((values[i] % 20) < 10 ? 0.08 : -0.08);
            defaulted[i] = (i * 0.6180339887 % 1) < rate;
        }

        return (values, defaulted);
    }

    [Fact]
    public void Numeric_bins_have_monotone_default_rates_in_the_given_direction()
    {
        var (values, defaulted) = Wiggly(20_000);

        var binning = SupervisedBinner.Fit(FeatureSpec.Numeric("x", RiskDirection.IncreasesRisk), values, defaulted, BinningOptions.Default);

        Assert.InRange(binning.BinCount, 2, BinningOptions.Default.MaximumBins);
        Assert.Equal(binning.Woe.Order(), binning.Woe);
        Assert.All(binning.Counts, count => Assert.True(count >= 0.05 * values.Length));
        Assert.Equal(values.Length, binning.Counts.Sum());
    }

    [Fact]
    public void A_decreasing_direction_gives_falling_woe()
    {
        var (values, defaulted) = Wiggly(20_000);
        var flipped = values.Select(value => -value).ToArray();

        var binning = SupervisedBinner.Fit(FeatureSpec.Numeric("x", RiskDirection.DecreasesRisk), flipped, defaulted, BinningOptions.Default);

        Assert.Equal(binning.Woe.OrderDescending(), binning.Woe);
    }

    [Fact]
    public void Nominal_categories_too_small_to_trust_are_grouped_and_unseen_codes_score_average()
    {
        var values = Enumerable.Range(0, 1_000).Select(i => i < 20 ? 2.0 : i % 2).ToArray();
        var defaulted = Enumerable.Range(0, 1_000).Select(i => i % 5 == 0).ToArray();

        var binning = SupervisedBinner.Fit(FeatureSpec.Nominal("c", ["a", "b", "rare", "unseen"]), values, defaulted, BinningOptions.Default);

        Assert.Equal(2, binning.BinCount);
        Assert.Equal(-1, binning.BinOf(3));
        Assert.Equal(0, binning.WoeOf(3));
    }
}
