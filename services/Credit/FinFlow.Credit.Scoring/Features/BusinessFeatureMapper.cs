namespace FinFlow.Credit.Scoring.Features;

/// <summary>
/// Maps a validated <see cref="BusinessFeatures"/> onto <see cref="CreditFeatures"/>. Each column has one meaning on
/// both sides, and every step is non-decreasing in risk: more delinquencies never lower a delay column, less cash
/// flow never raises the payment column. With the scorecard's monotone bins and positive weights that is what makes
/// the probability of default monotone in delinquencies and cash flow.
/// <list type="bullet">
/// <item>income → credit capacity (linear, median-anchored)</item>
/// <item>delinquencies / invoices → months delinquent out of six (rounded share), and a delay of at least a month</item>
/// <item>days to pay beyond terms → latest and longest delay in months; without days to pay the latest month counts
/// as on time only when no month was delinquent, and as unknown otherwise</item>
/// <item>average cash flow (negative counts as none) → average monthly payment (linear, median-anchored)</item>
/// <item>days cash on hand → utilisation, 1 at no cash falling linearly to 0 at the full buffer</item>
/// <item>cash-flow volatility → payment volatility (both coefficients of variation)</item>
/// </list>
/// Months in business and revenue trend have no counterpart in the training data (tenure would need age, which is
/// protected; a rising card bill is rising debt, not rising sales), so they are not mapped.
/// </summary>
public static class BusinessFeatureMapper
{
    private const int MaximumDelayMonths = 8;

    public static MappedFeatures Map(BusinessFeatures features, MappingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        BusinessFeatureValidator.Validate(features);
        var values = CreditFeatures.Names.Select(name => parameters.NeutralValues[name]).ToArray();
        var observed = new bool[values.Length];
        void Set(string feature, double value)
        {
            var index = CreditFeatures.IndexOf(feature);
            values[index] = value;
            observed[index] = true;
        }

        var windowMonths = parameters.WindowMonths;
        var invoices = features.NumInvoices!.Value;
        var delinquentShare = invoices == 0 ? 0 : (double)features.Delinquencies!.Value / invoices;
        var delinquentMonths = (int)Math.Floor((windowMonths * delinquentShare) + 0.5);
        int? recentDelay = features.DaysToPay is { } daysToPay
            ? Math.Min(MaximumDelayMonths, (int)Math.Ceiling(Math.Max(0, daysToPay - parameters.PaymentTermDays) / 30))
            : null;
        if (recentDelay is { } latest)
        {
            Set(CreditFeatures.RecentDelayMonths, latest);
            delinquentMonths = Math.Max(delinquentMonths, latest >= 1 ? 1 : 0); // a late latest month is a delinquent month
        }
        else if (delinquentMonths == 0)
        {
            Set(CreditFeatures.RecentDelayMonths, 0); // no delinquent month at all: the latest was on time as well
        }

        Set(CreditFeatures.CreditCapacity, (double)features.Income!.Value * parameters.CapacityAtReferenceIncome / parameters.ReferenceAnnualIncome);
        Set(CreditFeatures.MonthsDelinquent, Math.Min(windowMonths, delinquentMonths));
        Set(CreditFeatures.MaxDelayMonths, Math.Max(recentDelay ?? 0, delinquentMonths >= 1 ? 1 : 0));
        Set(CreditFeatures.AveragePayment, Math.Max(0, (double)features.AvgCashflow!.Value) * parameters.PaymentAtReferenceCashflow / parameters.ReferenceMonthlyCashflow);
        if (features.DaysCashOnHand is { } days)
            Set(CreditFeatures.Utilisation, Math.Clamp(1 - (days / parameters.FullBufferDays), 0, 1));
        if (features.CashflowVolatility is { } volatility)
            Set(CreditFeatures.PaymentVolatility, Math.Min(TaiwanFeatureBuilder.MaximumVolatility, volatility));
        return new MappedFeatures(values, observed);
    }
}
