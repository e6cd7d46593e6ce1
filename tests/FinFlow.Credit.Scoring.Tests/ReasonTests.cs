using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Features;

namespace FinFlow.Credit.Scoring.Tests;

[Collection(TrainedCreditGroup.Name)]
public sealed class ReasonTests(TrainedCredit trained)
{
    [Fact]
    public void Every_decline_on_the_reference_grid_has_at_least_one_reason()
    {
        var declines = ReferenceBusinesses.All().Select(trained.Model.Score).Where(result => result.RiskBand == RiskBand.E).ToArray();

        Assert.NotEmpty(declines);
        Assert.All(declines, decline => Assert.NotEmpty(decline.Reasons));
    }

    [Fact]
    public void Every_hold_out_decline_has_at_least_one_column_costing_points()
    {
        var scorer = trained.Model.Scorer;
        var declines = trained.HoldOut.Rows
            .Where(row => trained.Model.Manifest.Bands.Band(Scorecards.ScoreScale.Sigmoid(scorer.DefaultLogit(row))) == RiskBand.E)
            .ToArray();

        Assert.True(declines.Length > 100);
        Assert.All(declines, row => Assert.Contains(scorer.PointsLost(row), points => points >= CreditModel.MinimumReasonPoints));
    }

    [Fact]
    public void Each_named_reason_moves_the_score_by_about_its_impact_when_its_inputs_improve()
    {
        var weak = ReferenceBusinesses.All().Where((_, index) => index % 5 == 0)
            .Select(business => (business, result: trained.Model.Score(business)))
            .Where(pair => pair.result.RiskBand >= RiskBand.C)
            .ToArray();
        Assert.True(weak.Length > 50);

        foreach (var (business, before) in weak)
            foreach (var reason in before.Reasons)
            {
                var wording = ReasonCatalog.All.Single(candidate => candidate.Code == reason.Code || candidate.MissingCode == reason.Code);
                var after = trained.Model.Score(Improve(business, wording.Drivers));

                Assert.True(after.ProbabilityOfDefault < before.ProbabilityOfDefault, $"{reason.Code} for {business}: PD did not fall");
                Assert.True(
                    after.CreditScore - before.CreditScore >= reason.Impact - 1,
                    $"{reason.Code} (impact {reason.Impact}) for {business}: score moved {before.CreditScore} -> {after.CreditScore}");
            }
    }

    [Fact]
    public void Reasons_are_identical_for_identical_inputs_and_across_loads()
    {
        var committed = CreditModel.Load(RepositoryFiles.ModelsDirectory);
        foreach (var business in ReferenceBusinesses.All().Where((_, index) => index % 11 == 0))
        {
            var first = trained.Model.Score(business);
            Assert.Equal(first.Reasons, trained.Model.Score(business with { }).Reasons);
            Assert.Equal(first.Reasons, committed.Score(business).Reasons);
        }
    }

    [Fact]
    public void Reasons_use_the_fixed_wording_and_come_largest_impact_first()
    {
        var wordings = ReasonCatalog.All
            .SelectMany(wording => new[] { (wording.Code, wording.Text), (wording.MissingCode, wording.MissingText) })
            .ToDictionary(pair => pair.Item1, pair => pair.Item2);
        foreach (var result in ReferenceBusinesses.All().Select(trained.Model.Score))
        {
            Assert.All(result.Reasons, reason => Assert.Equal(wordings[reason.Code], reason.Text));
            Assert.All(result.Reasons, reason => Assert.True(reason.Impact >= 1));
            Assert.Equal(result.Reasons.OrderByDescending(reason => reason.Impact).Select(reason => reason.Impact), result.Reasons.Select(reason => reason.Impact));
        }
    }

    [Fact]
    public void A_business_in_the_best_bin_of_every_column_gets_no_reasons_and_band_A()
    {
        var result = trained.Model.Score(new BusinessFeatures(50_000_000m, 500, 10_000_000m, 0, DaysToPay: 0, CashflowVolatility: 0, DaysCashOnHand: 365));

        Assert.Empty(result.Reasons);
        Assert.Equal(RiskBand.A, result.RiskBand);
    }

    [Fact]
    public void A_missing_optional_input_is_named_as_not_provided_rather_than_as_weak()
    {
        var result = trained.Model.Score(new BusinessFeatures(100_000m, 60, 5_000m, 20));

        Assert.Contains(result.Reasons, reason => reason.Code == "DAYS_TO_PAY_NOT_PROVIDED");
        Assert.DoesNotContain(result.Reasons, reason => reason.Code == "RECENT_PAYMENT_DELAY");
    }

    private static BusinessFeatures Improve(BusinessFeatures business, IEnumerable<string> drivers) =>
        drivers.Aggregate(business, (current, driver) => driver switch
        {
            "income" => current with { Income = 50_000_000m },
            "delinquencies" or "numInvoices" => current with { Delinquencies = 0 },
            "daysToPay" => current with { DaysToPay = 0 },
            "avgCashflow" => current with { AvgCashflow = 10_000_000m },
            "daysCashOnHand" => current with { DaysCashOnHand = 365 },
            "cashflowVolatility" => current with { CashflowVolatility = 0 },
            _ => throw new InvalidOperationException($"No improvement defined for '{driver}'."),
        });
}
