namespace FinFlow.Accounting.Ledger;

/// <summary>The body of <c>POST /accounting/ledger-entry</c> (the platform spec's shape): one debit, one credit, by account code.</summary>
public sealed record ManualEntryRequest(
    Guid? InvoiceId, string? DebitAccount, string? CreditAccount, decimal? Amount, string? Currency, string? Date, string? Memo);
