using FinFlow.Contracts.Events;
using FinFlow.Credit.Assessment.Books;
using FinFlow.Credit.Money;
using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Assessment;

/// <summary>
/// Turns a snapshot of the books into the model's inputs (the mapping table is in the service README).
/// <list type="bullet">
/// <item>Invoices: the latest page, void ones left out. An invoice is delinquent when accounting flags it overdue or
/// when it was paid after its due date (the day its last applied payment completed).</item>
/// <item>Cash flow: twelve calendar months ending with the current one; the business's window starts at its first
/// month with any movement, so a young business is not averaged with months before it existed.</item>
/// <item>Volatility and trend use complete months only: the current month is still running.</item>
/// </list>
/// </summary>
public static class BookFeatures
{
    /// <summary>The model's own ceiling for the coefficient of variation; a flat-zero mean with movement is at least that volatile.</summary>
    public const double MaximumVolatility = 3;

    public const int VolatilityMinimumMonths = 3;

    /// <summary>Revenue trend compares the last three complete months with the three before.</summary>
    public const int TrendMonths = 3;

    public const double DaysPerMonth = 30;

    public static BusinessFeatures Derive(BooksSnapshot books, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(books);
        var currency = books.CashFlow.Currency;
        var examined = books.LatestInvoices.Where(invoice => invoice.Status != InvoiceStatus.Void).ToList();
        var settleDays = examined.Select(DaysToSettle).OfType<int>().ToList();

        var points = books.CashFlow.Points.OrderBy(point => point.Period).ToList();
        var first = points.FindIndex(point => point.Inflow != 0 || point.Outflow != 0);
        var active = first < 0 ? [] : points[first..];
        var months = active.Count;
        var currentMonth = new DateOnly(today.Year, today.Month, 1);
        var complete = active.Where(point => point.Period < currentMonth).ToList();

        return new BusinessFeatures(
            Income: months == 0 ? 0m : MinorUnits.Round(active.Sum(point => point.Inflow) * 12 / months, currency),
            NumInvoices: examined.Count,
            AvgCashflow: months == 0 ? 0m : MinorUnits.Round(active.Sum(point => point.Net) / months, currency),
            Delinquencies: examined.Count(IsDelinquent),
            MonthsInBusiness: books.FirstInvoiceAt is { } firstInvoice ? WholeMonths(DateOnly.FromDateTime(firstInvoice.UtcDateTime), today) : null,
            RevenueTrend: RevenueTrend(complete),
            DaysToPay: settleDays.Count == 0 ? null : Math.Round(settleDays.Average(), 1),
            CashflowVolatility: Volatility(complete),
            DaysCashOnHand: DaysCashOnHand(books.CashBalance, active));
    }

    /// <summary>Days from issue to the day the last applied payment completed; null unless paid in full with payments on record.</summary>
    public static int? DaysToSettle(AccountingInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return SettledOn(invoice) is { } settled ? Math.Max(0, settled.DayNumber - DateOnly.FromDateTime(invoice.CreatedAt.UtcDateTime).DayNumber) : null;
    }

    public static bool IsDelinquent(AccountingInvoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return invoice.Overdue || SettledOn(invoice) is { } settled && settled > invoice.DueDate;
    }

    private static DateOnly? SettledOn(AccountingInvoice invoice) =>
        invoice.Status == InvoiceStatus.Paid && invoice.Payments?.Where(payment => payment.Applied > 0).ToList() is { Count: > 0 } applied
            ? DateOnly.FromDateTime(applied.Max(payment => payment.CompletedAt).UtcDateTime)
            : null;

    private static double? Volatility(List<AccountingCashFlowPoint> complete)
    {
        if (complete.Count < VolatilityMinimumMonths) return null;
        var nets = complete.Select(point => (double)point.Net).ToList();
        var mean = nets.Average();
        var deviation = Math.Sqrt(nets.Sum(net => (net - mean) * (net - mean)) / nets.Count);
        if (mean == 0) return deviation == 0 ? 0 : MaximumVolatility;
        return Math.Round(Math.Min(MaximumVolatility, deviation / Math.Abs(mean)), 4);
    }

    private static double? RevenueTrend(List<AccountingCashFlowPoint> complete)
    {
        if (complete.Count < 2 * TrendMonths) return null;
        var recent = complete.TakeLast(TrendMonths).Sum(point => point.Inflow);
        var before = complete.SkipLast(TrendMonths).TakeLast(TrendMonths).Sum(point => point.Inflow);
        return before > 0 ? Math.Round((double)((recent - before) / before), 4) : null;
    }

    private static double? DaysCashOnHand(decimal? cash, List<AccountingCashFlowPoint> active)
    {
        if (cash is not { } balance || active.Count == 0) return null;
        var dailyOutflow = (double)(active.Sum(point => point.Outflow) / active.Count) / DaysPerMonth;
        return dailyOutflow > 0 ? Math.Round(Math.Max(0, (double)balance) / dailyOutflow, 1) : null;
    }

    /// <summary>The largest k with from + k months ≤ to (month ends clamp as in <see cref="DateOnly.AddMonths"/>).</summary>
    private static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        if (months > 0 && from.AddMonths(months) > to) months--;
        return Math.Max(0, months);
    }
}
