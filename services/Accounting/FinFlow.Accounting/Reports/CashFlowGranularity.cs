namespace FinFlow.Accounting.Reports;

/// <summary>Period length of the cash-flow series; the names double as PostgreSQL <c>date_trunc</c> units.</summary>
public enum CashFlowGranularity
{
    Day,
    Week,
    Month,
}
