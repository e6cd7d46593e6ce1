namespace FinFlow.Accounting.Ledger;

/// <summary>Filters of <c>GET /accounting/ledger</c>: accounting dates (inclusive) and an account code.</summary>
public sealed record LedgerQuery(DateOnly? From, DateOnly? To, string? Account);
