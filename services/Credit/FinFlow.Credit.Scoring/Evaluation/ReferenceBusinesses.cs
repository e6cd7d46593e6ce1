namespace FinFlow.Credit.Scoring.Evaluation;

/// <summary>
/// A fixed grid of business profiles for partial-dependence checks: incomes from very small to large, few and many
/// invoices, and three levels of optional detail (none, healthy, strained).
/// </summary>
public static class ReferenceBusinesses
{
    public static IReadOnlyList<decimal> Incomes { get; } = [12_000m, 40_000m, 100_000m, 300_000m, 1_000_000m];

    public static IReadOnlyList<int> InvoiceCounts { get; } = [12, 60, 240];

    /// <summary>Ascending monthly cash flows, negative to large.</summary>
    public static IReadOnlyList<decimal> Cashflows { get; } = [-2_000m, 0m, 500m, 2_000m, 5_000m, 15_000m, 50_000m];

    public static IReadOnlyList<BusinessFeatures> OptionalProfiles { get; } =
    [
        new(null, null, null, null),
        new(null, null, null, null, MonthsInBusiness: 60, RevenueTrend: 0.05, DaysToPay: 20, CashflowVolatility: 0.3, DaysCashOnHand: 60),
        new(null, null, null, null, MonthsInBusiness: 8, RevenueTrend: -0.3, DaysToPay: 75, CashflowVolatility: 1.5, DaysCashOnHand: 5),
    ];

    /// <summary>Ascending delinquency counts for a number of invoices (about eight steps up to all of them).</summary>
    public static IReadOnlyList<int> DelinquencySteps(int invoices) =>
        Enumerable.Range(0, 9).Select(step => invoices * step / 8).Distinct().ToArray();

    public static BusinessFeatures Make(BusinessFeatures profile, decimal income, int invoices, decimal cashflow, int delinquencies)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile with { Income = income, NumInvoices = invoices, AvgCashflow = cashflow, Delinquencies = delinquencies };
    }

    /// <summary>Every profile × income × invoices × cash flow × delinquency step.</summary>
    public static IEnumerable<BusinessFeatures> All() =>
        from profile in OptionalProfiles
        from income in Incomes
        from invoices in InvoiceCounts
        from cashflow in Cashflows
        from delinquencies in DelinquencySteps(invoices)
        select Make(profile, income, invoices, cashflow, delinquencies);
}
