using FinFlow.Analytics.Categorization.Model;
using FinFlow.Analytics.Categorization.Rules;
using FinFlow.Analytics.Categorization.Taxonomy;
using FinFlow.Analytics.Categorization.Training;
using Xunit;
using Xunit.Abstractions;

namespace FinFlow.Analytics.Categorization.Tests;

/// <summary>The trained model on merchants it never saw, the abstain threshold, and corrections that change the next answer.</summary>
public class CategorizationTests(TrainedCategorizer trained, ITestOutputHelper output) : IClassFixture<TrainedCategorizer>
{
    [Fact]
    public void On_held_out_merchants_macro_f1_is_at_least_090_and_kept_answers_are_95_percent_right()
    {
        var card = trained.Card;
        output.WriteLine(card.ToString());
        Assert.True(card.MacroF1 >= 0.90, $"macro-F1 {card.MacroF1}");
        Assert.True(card.PrecisionAtThreshold >= 0.93, $"precision above the threshold on the test split {card.PrecisionAtThreshold}");
        Assert.True(card.CoverageAtThreshold > 0.5, $"coverage {card.CoverageAtThreshold}");
        Assert.True(card.TestMerchants > 100);
    }

    [Fact]
    public void No_merchant_is_in_two_splits()
    {
        var (train, calibration, test) = CategorizationTraining.Split(DescriptionGenerator.Generate(MccCatalog.Load(TrainedCategorizer.MccFile)), 42);
        var trainMerchants = train.Select(e => e.Merchant).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(calibration.Concat(test), e => trainMerchants.Contains(e.Merchant));
        Assert.DoesNotContain(test, e => calibration.Any(c => c.Merchant == e.Merchant));
    }

    [Theory]
    [InlineData("POS 4821 HARBORVIEW GRILL PORTLAND OR", null, "Meals & Entertainment")]
    [InlineData("CHECKCARD 0412 QUICKSTOP FUEL DENVER CO", null, "Vehicle & Fuel")]
    [InlineData("ACH CREDIT NORTHWIND TRADERS LLC PAYMENT 552211", null, "Income")]
    [InlineData("SOME SHOP #123", "4900", "Utilities")]
    public void Unseen_lines_get_the_expected_category(string description, string? mcc, string expected)
    {
        var result = Assert.Single(trained.Categorizer.Categorize(new UserRuleBook(), [(description, mcc)]));
        Assert.Equal(expected, result.Category);
        Assert.Equal("model", result.Source);
    }

    [Fact]
    public void A_correction_changes_the_next_identical_or_same_merchant_line_at_once()
    {
        var rules = new UserRuleBook();
        var before = trained.Categorizer.Categorize(rules, [("POS 1234 BLUE OAK CAFE SEATTLE WA", null)])[0];
        Assert.Equal("Meals & Entertainment", before.Category);

        rules.Learn("POS 1234 BLUE OAK CAFE SEATTLE WA", "Travel");
        var after = trained.Categorizer.Categorize(rules, [("POS 1234 BLUE OAK CAFE SEATTLE WA", null), ("SQ *BLUE OAK CAFE AUSTIN TX", null), ("POS 99 RED OAK CAFE", null)]);
        Assert.Equal(("Travel", "rule"), (after[0].Category, after[0].Source));
        Assert.Equal(("Travel", "rule"), (after[1].Category, after[1].Source));
        Assert.Equal("model", after[2].Source);
    }

    [Fact]
    public void Below_the_threshold_the_answer_is_uncategorized()
    {
        var strict = new Categorizer(trained.Model, threshold: 1.01);
        var result = Assert.Single(strict.Categorize(new UserRuleBook(), [("POS 1234 BLUE OAK CAFE SEATTLE WA", null)]));
        Assert.Equal((CategoryTaxonomy.Uncategorized, "none"), (result.Category, result.Source));
        Assert.InRange(trained.Categorizer.Threshold, 0.0, 1.0);
    }

    [Fact]
    public void The_threshold_keeps_the_most_answers_that_stay_95_percent_right()
    {
        var calibration = Enumerable.Range(0, 100).Select(i => (Confidence: 1 - (i / 100.0), Correct: i < 60 || i % 4 == 0)).ToList();
        var (threshold, coverage, precision) = AbstainThreshold.Choose(calibration);
        Assert.True(precision >= 0.95);
        Assert.Equal(0.36, threshold, 6); // 62 right of the top 65: 95.4%; one more wrong answer would drop below
        Assert.Equal(0.65, coverage, 6);
    }

    [Fact]
    public void Training_is_deterministic_and_a_saved_model_answers_the_same()
    {
        var again = CategorizationTraining.Run(TrainedCategorizer.MccFile);
        var lines = new (string, string?)[] { ("PAYPAL *SUMMITSOFTWARE", null), ("WIRE IN PIONEER GROUP INV 4411", null), ("ELM HARDWARE #554 TAMPA FL", "5251") };
        Assert.Equal(trained.Model.Predict(lines), again.Model.Predict(lines));
        Assert.Equal(trained.Card, again.Card);

        var path = Path.Combine(Path.GetTempPath(), $"categorizer-{Guid.NewGuid():N}.zip");
        try
        {
            trained.Model.Save(path);
            Assert.Equal(trained.Model.Predict(lines), CategoryModel.Load(path).Predict(lines));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
