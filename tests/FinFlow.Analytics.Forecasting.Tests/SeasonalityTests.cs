using FinFlow.Analytics.Forecasting.Seasonality;
using Xunit;

namespace FinFlow.Analytics.Forecasting.Tests;

public class SeasonalityTests
{
    [Fact]
    public void A_clear_cycle_is_seasonal_and_noise_is_not()
    {
        Assert.True(SeasonalityTest.IsSeasonal(Synthetic.Season(120, 12, 100, 0.3, 0.02), 12));
        var random = new Random(5);
        var noise = Enumerable.Range(0, 120).Select(_ => 100 + Synthetic.Gaussian(random)).ToArray();
        Assert.False(SeasonalityTest.IsSeasonal(noise, 12));
    }

    [Fact]
    public void Fewer_than_three_cycles_or_a_period_beyond_the_acf_lags_is_never_seasonal()
    {
        Assert.False(SeasonalityTest.IsSeasonal(Synthetic.Season(35, 12, 100, 0.5), 12));
        // 10·log10(100) = 20 lags < 24, as in R's acf default used by the M4 code.
        Assert.False(SeasonalityTest.IsSeasonal(Synthetic.Season(100, 24, 100, 0.5), 24));
        Assert.True(SeasonalityTest.IsSeasonal(Synthetic.Season(300, 24, 100, 0.5), 24));
    }

    [Fact]
    public void Multiplicative_decomposition_recovers_the_seasonal_indices()
    {
        var y = Synthetic.Season(96, 12, 500, 0.2);

        var figure = ClassicalDecomposition.SeasonalFigure(y, 12, multiplicative: true);

        for (var i = 0; i < 12; i++)
        {
            Assert.Equal(1 + 0.2 * Math.Sin(2 * Math.PI * i / 12), figure[i], 2);
        }

        Assert.Equal(1.0, figure.Average(), 10);
    }

    [Fact]
    public void Autocorrelation_matches_a_hand_computed_value()
    {
        double[] y = [1, 2, 3, 4];
        // mean 2.5, deviations -1.5 -0.5 0.5 1.5: lag-1 sum 0.75 - 0.25 + 0.75 = 1.25 over 5.
        Assert.Equal(0.25, Autocorrelation.Compute(y, 1)[1], 12);
    }
}
