namespace FinFlow.Credit.Scoring;

/// <summary>
/// What the platform knows about a small business when it asks for a score. The first four are required;
/// null means "not given". Money is decimal in the business's reporting currency (major units); the ratios
/// and day counts are plain numbers.
/// </summary>
/// <param name="Income">Annual income (revenue), never negative.</param>
/// <param name="NumInvoices">Invoices issued over the observation window.</param>
/// <param name="AvgCashflow">Average monthly net cash flow; may be negative.</param>
/// <param name="Delinquencies">Invoices that went delinquent; at most <paramref name="NumInvoices"/>.</param>
/// <param name="MonthsInBusiness">Optional; recorded, not used by the current model (see the model card).</param>
/// <param name="RevenueTrend">Optional relative change of revenue (-0.2 = down 20%); recorded, not used by the current model.</param>
/// <param name="DaysToPay">Optional average days until invoices are paid.</param>
/// <param name="CashflowVolatility">Optional coefficient of variation of monthly cash flow.</param>
/// <param name="DaysCashOnHand">Optional days of outgoings the cash balance covers.</param>
public sealed record BusinessFeatures(
    decimal? Income,
    int? NumInvoices,
    decimal? AvgCashflow,
    int? Delinquencies,
    int? MonthsInBusiness = null,
    double? RevenueTrend = null,
    double? DaysToPay = null,
    double? CashflowVolatility = null,
    double? DaysCashOnHand = null);
