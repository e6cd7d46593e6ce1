namespace FinFlow.Credit.Assessment.Books;

/// <summary>Cash in and out in one period (<c>period</c> is its first day); <c>net</c> = inflow − outflow.</summary>
public sealed record AccountingCashFlowPoint(DateOnly Period, decimal Inflow, decimal Outflow, decimal Net);
