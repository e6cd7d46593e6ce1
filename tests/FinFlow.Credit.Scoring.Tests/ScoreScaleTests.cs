using FinFlow.Credit.Scoring.Scorecards;

namespace FinFlow.Credit.Scoring.Tests;

public sealed class ScoreScaleTests
{
    private static readonly ScoreScale Scale = ScoreScale.Standard;

    private static double PointsAtGoodBadOdds(double odds) => Scale.PointsForDefaultLogit(Math.Log(1 / odds));

    [Fact]
    public void Thirty_to_one_good_bad_odds_score_600_and_every_20_points_double_the_odds()
    {
        Assert.Equal(600, PointsAtGoodBadOdds(30), 9);
        Assert.Equal(620, PointsAtGoodBadOdds(60), 9);
        Assert.Equal(580, PointsAtGoodBadOdds(15), 9);
    }

    [Fact]
    public void Shown_scores_are_clamped_to_300_through_850()
    {
        Assert.Equal(850, Scale.Shown(PointsAtGoodBadOdds(1e12)));
        Assert.Equal(300, Scale.Shown(PointsAtGoodBadOdds(1e-12)));
        Assert.Equal(600, Scale.Shown(600.4));
    }

    [Theory]
    [InlineData(0.05, RiskBand.A)]
    [InlineData(0.0999, RiskBand.A)]
    [InlineData(0.10, RiskBand.B)]
    [InlineData(0.20, RiskBand.C)]
    [InlineData(0.3499, RiskBand.C)]
    [InlineData(0.35, RiskBand.D)]
    [InlineData(0.50, RiskBand.E)]
    [InlineData(0.99, RiskBand.E)]
    public void Bands_follow_the_documented_default_probability_cuts(double probability, RiskBand band)
    {
        Assert.Equal(band, RiskBandTable.Standard.Band(probability));
    }

    [Fact]
    public void A_scored_business_has_a_score_consistent_with_its_probability_and_band()
    {
        var model = CreditModel.Load(RepositoryFiles.ModelsDirectory);
        foreach (var business in Evaluation.ReferenceBusinesses.All())
        {
            var result = model.Score(business);
            Assert.Equal(Scale.Shown(Scale.PointsForDefaultLogit(ScoreScale.Logit(result.ProbabilityOfDefault))), result.CreditScore);
            Assert.Equal(RiskBandTable.Standard.Band(result.ProbabilityOfDefault), result.RiskBand);
        }
    }
}
