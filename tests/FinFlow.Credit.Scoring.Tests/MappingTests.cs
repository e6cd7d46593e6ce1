using FinFlow.Credit.Scoring.Features;

namespace FinFlow.Credit.Scoring.Tests;

public sealed class MappingTests
{
    private static readonly MappingParameters Parameters = CreditModel.Load(RepositoryFiles.ModelsDirectory).Manifest.Mapping;

    private static MappedFeatures Map(BusinessFeatures features) => BusinessFeatureMapper.Map(features, Parameters);

    [Fact]
    public void The_reference_business_maps_to_the_training_medians()
    {
        var mapped = Map(new BusinessFeatures((decimal)Parameters.ReferenceAnnualIncome, 50, (decimal)Parameters.ReferenceMonthlyCashflow, 0, DaysCashOnHand: Parameters.ReferenceCashBufferDays));

        Assert.Equal(Parameters.CapacityAtReferenceIncome, mapped[CreditFeatures.CreditCapacity], 6);
        Assert.Equal(Parameters.PaymentAtReferenceCashflow, mapped[CreditFeatures.AveragePayment], 6);
        Assert.Equal(Parameters.UtilisationAtReferenceBuffer, mapped[CreditFeatures.Utilisation], 6);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]
    [InlineData(31, 1)]
    [InlineData(60, 1)]
    [InlineData(65, 2)]
    [InlineData(1_000, 8)]
    public void Days_to_pay_beyond_the_terms_become_months_of_delay(double daysToPay, int months)
    {
        var mapped = Map(new BusinessFeatures(100_000m, 20, 1_000m, 0, DaysToPay: daysToPay));

        Assert.Equal(months, mapped[CreditFeatures.RecentDelayMonths]);
        Assert.Equal(months, mapped[CreditFeatures.MaxDelayMonths]);
        Assert.Equal(months >= 1 ? 1 : 0, mapped[CreditFeatures.MonthsDelinquent]);
    }

    [Theory]
    [InlineData(0, 60, 0)]
    [InlineData(4, 60, 0)]
    [InlineData(5, 60, 1)]
    [InlineData(30, 60, 3)]
    [InlineData(60, 60, 6)]
    [InlineData(0, 0, 0)]
    public void The_delinquent_share_is_spread_over_the_six_month_window(int delinquencies, int invoices, int months)
    {
        var mapped = Map(new BusinessFeatures(100_000m, invoices, 1_000m, delinquencies));

        Assert.Equal(months, mapped[CreditFeatures.MonthsDelinquent]);
        Assert.Equal(months >= 1 ? 1 : 0, mapped[CreditFeatures.MaxDelayMonths]);
        // Without days to pay the latest month is known to be on time only when no month was delinquent.
        Assert.Equal(months == 0, mapped.IsObserved(CreditFeatures.RecentDelayMonths));
    }

    [Fact]
    public void Negative_cash_flow_counts_as_no_payments()
    {
        Assert.Equal(0, Map(new BusinessFeatures(100_000m, 10, -25_000m, 0))[CreditFeatures.AveragePayment]);
    }

    [Fact]
    public void Optional_inputs_not_given_are_marked_unobserved_and_hold_the_training_median()
    {
        var mapped = Map(new BusinessFeatures(100_000m, 10, 1_000m, 5));

        foreach (var feature in new[] { CreditFeatures.RecentDelayMonths, CreditFeatures.Utilisation, CreditFeatures.PaymentVolatility })
        {
            Assert.False(mapped.IsObserved(feature));
            Assert.Equal(Parameters.NeutralValues[feature], mapped[feature]);
        }

        Assert.True(mapped.IsObserved(CreditFeatures.CreditCapacity));
        Assert.True(mapped.IsObserved(CreditFeatures.MonthsDelinquent));
    }

    [Fact]
    public void Cash_on_hand_maps_to_utilisation_from_fully_drawn_to_undrawn()
    {
        Assert.Equal(1, Map(new BusinessFeatures(1m, 1, 1m, 0, DaysCashOnHand: 0))[CreditFeatures.Utilisation]);
        Assert.Equal(0, Map(new BusinessFeatures(1m, 1, 1m, 0, DaysCashOnHand: Parameters.FullBufferDays + 1))[CreditFeatures.Utilisation]);
    }

    [Fact]
    public void Months_in_business_and_revenue_trend_do_not_change_the_mapping()
    {
        var plain = Map(new BusinessFeatures(80_000m, 30, 2_000m, 3));
        var rich = Map(new BusinessFeatures(80_000m, 30, 2_000m, 3, MonthsInBusiness: 2, RevenueTrend: -0.9));

        Assert.Equal(plain.Values, rich.Values);
        Assert.Equal(plain.Observed, rich.Observed);
    }
}
