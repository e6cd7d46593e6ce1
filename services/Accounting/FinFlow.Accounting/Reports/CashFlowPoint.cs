namespace FinFlow.Accounting.Reports;

/// <summary>Cash in and out in one period; <c>period</c> is its first day (Monday for weeks).</summary>
public sealed record CashFlowPoint(DateOnly Period, decimal Inflow, decimal Outflow, decimal Net);
