using FinFlow.Credit.Scoring.Evaluation;
using FinFlow.Credit.Scoring.Models;

namespace FinFlow.Credit.Scoring.Tests;

[Collection(TrainedCreditGroup.Name)]
public sealed class MonotonicityTests(TrainedCredit trained)
{
    private static readonly BusinessFeatures[] Profiles =
    [
        new(null, null, null, null),
        new(null, null, null, null, DaysToPay: 40, CashflowVolatility: 0.9, DaysCashOnHand: 15),
        new(null, null, null, null, DaysToPay: 5, CashflowVolatility: 0.1, DaysCashOnHand: 120),
    ];

    [Fact]
    public void Raising_delinquencies_never_lowers_the_probability_of_default()
    {
        foreach (var profile in Profiles)
            foreach (var income in new[] { 5_000m, 100_000m, 2_000_000m })
                foreach (var cashflow in new[] { -500m, 3_000m, 80_000m })
                {
                    var previous = 0.0;
                    for (var delinquencies = 0; delinquencies <= 50; delinquencies++)
                    {
                        var pd = trained.Model.Score(profile with { Income = income, NumInvoices = 50, AvgCashflow = cashflow, Delinquencies = delinquencies }).ProbabilityOfDefault;
                        Assert.True(pd >= previous, $"{profile} income {income} cash flow {cashflow}: PD fell from {previous} to {pd} at {delinquencies} delinquencies");
                        previous = pd;
                    }
                }
    }

    [Fact]
    public void Lowering_cash_flow_never_lowers_the_probability_of_default()
    {
        foreach (var profile in Profiles)
            foreach (var income in new[] { 5_000m, 100_000m, 2_000_000m })
                foreach (var delinquencies in new[] { 0, 5, 40 })
                {
                    var previous = 0.0;
                    for (var cashflow = 200_000m; cashflow >= -20_000m; cashflow -= 250m)
                    {
                        var pd = trained.Model.Score(profile with { Income = income, NumInvoices = 40, AvgCashflow = cashflow, Delinquencies = delinquencies }).ProbabilityOfDefault;
                        Assert.True(pd >= previous, $"{profile} income {income} delinquencies {delinquencies}: PD fell from {previous} to {pd} at cash flow {cashflow}");
                        previous = pd;
                    }
                }
    }

    [Fact]
    public void The_shipped_model_passes_the_explanation_checks_on_the_reference_grid()
    {
        var checks = ExplanationChecks.Run(trained.Model);

        Assert.True(checks.MonotonicityPairs > 4_000);
        Assert.Equal(0, checks.DelinquencyViolations);
        Assert.Equal(0, checks.CashflowViolations);
        Assert.True(checks.Declines > 0);
        Assert.Equal(checks.Declines, checks.DeclinesWithReasons);
    }

    [Fact]
    public void The_explanation_checks_catch_a_model_whose_risk_falls_with_delinquencies()
    {
        var backwards = new CreditModel(trained.Result.Manifest, new BackwardsScorer());

        var checks = ExplanationChecks.Run(backwards);

        Assert.True(checks.DelinquencyViolations > 0);
        Assert.False(checks.Passed);
    }

    /// <summary>A deliberately wrong model: delinquent months lower its risk.</summary>
    private sealed class BackwardsScorer : ICreditScorer
    {
        public string Kind => "backwards";

        public double DefaultLogit(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null) =>
            -0.5 * values[Features.CreditFeatures.IndexOf(Features.CreditFeatures.MonthsDelinquent)];

        public IReadOnlyList<double> PointsLost(IReadOnlyList<double> values, IReadOnlyList<bool>? observed = null) =>
            new double[values.Count];
    }

    [Fact]
    public void The_committed_models_card_records_that_its_shipped_model_passed_the_checks()
    {
        var model = CreditModel.Load(RepositoryFiles.ModelsDirectory);
        var card = ModelJson.Read<Training.ModelCard>(Path.Combine(RepositoryFiles.ModelsDirectory, model.ModelVersion, Training.CreditModelWriter.CardJsonFile));

        var shipped = card.Shipped == card.Scorecard.Model ? card.Scorecard : card.Challenger;
        Assert.True(shipped.Checks.Passed);
    }
}
