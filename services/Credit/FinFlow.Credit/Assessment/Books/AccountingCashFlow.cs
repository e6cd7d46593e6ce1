namespace FinFlow.Credit.Assessment.Books;

/// <summary><c>GET accounting/reports/cash-flow</c>: movements of the Cash account, every period present; null currency before any books.</summary>
public sealed record AccountingCashFlow(string? Currency, IReadOnlyList<AccountingCashFlowPoint> Points);
