namespace FinFlow.Accounting.Reports;

/// <summary>Receivables aging, one row per currency the owner invoices in.</summary>
public sealed record AgingReport(DateOnly AsOf, IReadOnlyList<AgingBuckets> Currencies);
