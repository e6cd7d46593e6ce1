namespace FinFlow.Credit.Assessment.Books;

/// <summary>One account of the trial balance; the balance is in one of the two columns, the other is zero.</summary>
public sealed record AccountingTrialBalanceLine(string Code, decimal Debit, decimal Credit);
