using FinFlow.Credit.Scoring;

namespace FinFlow.Credit.Scores;

/// <summary>
/// The body of <c>POST /credit/score</c>: the platform spec's four required fields and the optional richer ones.
/// Money (<c>income</c> per year, <c>avgCashflow</c> per month) is decimal, in major units of the business's
/// reporting currency. Missing fields arrive as null so the model's validation can name each of them.
/// </summary>
public sealed record ScoreRequest(
    decimal? Income,
    int? NumInvoices,
    decimal? AvgCashflow,
    int? Delinquencies,
    int? MonthsInBusiness = null,
    double? RevenueTrend = null,
    double? DaysToPay = null,
    double? CashflowVolatility = null,
    double? DaysCashOnHand = null)
{
    public BusinessFeatures ToFeatures() =>
        new(Income, NumInvoices, AvgCashflow, Delinquencies, MonthsInBusiness, RevenueTrend, DaysToPay, CashflowVolatility, DaysCashOnHand);
}
