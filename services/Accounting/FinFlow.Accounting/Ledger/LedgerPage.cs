namespace FinFlow.Accounting.Ledger;

/// <summary>One page of the ledger, newest entries first.</summary>
public sealed record LedgerPage(IReadOnlyList<JournalEntryView> Items, int Page, int PageSize, long Total);
