namespace FinFlow.Accounting.Reports;

/// <summary>An account's net balance, shown in its debit or its credit column (the other is zero).</summary>
public sealed record TrialBalanceLine(string Code, string Name, string Type, decimal Debit, decimal Credit);
