namespace FinFlow.Accounting.Reports;

/// <summary>The trial balance at the end of <c>asOf</c> in one currency; the totals agree whenever the ledger is sound.</summary>
public sealed record TrialBalance(DateOnly AsOf, string? Currency, IReadOnlyList<TrialBalanceLine> Accounts, decimal TotalDebit, decimal TotalCredit);
