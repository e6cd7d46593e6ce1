namespace FinFlow.Credit.Scoring.Tests;

public sealed class ValidationTests
{
    private static readonly CreditModel Model = CreditModel.Load(RepositoryFiles.ModelsDirectory);
    private static readonly BusinessFeatures Valid = new(120_000m, 40, 6_000m, 2, 36, 0.1, 35, 0.4, 30);

    public static TheoryData<string, BusinessFeatures> Invalid() => new()
    {
        { "income", Valid with { Income = null } },
        { "income", Valid with { Income = -0.01m } },
        { "numInvoices", Valid with { NumInvoices = null } },
        { "numInvoices", Valid with { NumInvoices = -1, Delinquencies = 0 } },
        { "avgCashflow", Valid with { AvgCashflow = null } },
        { "delinquencies", Valid with { Delinquencies = null } },
        { "delinquencies", Valid with { Delinquencies = -1 } },
        { "delinquencies", Valid with { Delinquencies = 41 } },
        { "monthsInBusiness", Valid with { MonthsInBusiness = -3 } },
        { "revenueTrend", Valid with { RevenueTrend = double.NaN } },
        { "revenueTrend", Valid with { RevenueTrend = -1.5 } },
        { "daysToPay", Valid with { DaysToPay = double.NaN } },
        { "daysToPay", Valid with { DaysToPay = -1 } },
        { "cashflowVolatility", Valid with { CashflowVolatility = double.PositiveInfinity } },
        { "cashflowVolatility", Valid with { CashflowVolatility = -0.1 } },
        { "daysCashOnHand", Valid with { DaysCashOnHand = double.NegativeInfinity } },
        { "daysCashOnHand", Valid with { DaysCashOnHand = -2 } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_impossible_or_missing_value_is_rejected_naming_its_field(string field, BusinessFeatures features)
    {
        var error = Assert.Throws<CreditInputException>(() => Model.Score(features));

        Assert.Equal(field, error.Field);
        Assert.Equal([field], error.Errors.Keys);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_offending_field_is_named_at_once()
    {
        var error = Assert.Throws<CreditInputException>(() => Model.Score(new BusinessFeatures(-5m, 3, null, 4, DaysToPay: double.NaN)));

        Assert.Equal(["avgCashflow", "daysToPay", "delinquencies", "income"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Valid_edge_values_are_accepted()
    {
        var result = Model.Score(new BusinessFeatures(0m, 0, -10_000m, 0, 0, -1, 0, 0, 0));

        Assert.InRange(result.CreditScore, 300, 850);
        Assert.Equal(Model.ModelVersion, result.ModelVersion);
    }

    [Fact]
    public void Delinquencies_may_equal_the_number_of_invoices()
    {
        var all = Model.Score(Valid with { Delinquencies = 40 });

        Assert.True(all.ProbabilityOfDefault > Model.Score(Valid with { Delinquencies = 0 }).ProbabilityOfDefault);
    }
}
