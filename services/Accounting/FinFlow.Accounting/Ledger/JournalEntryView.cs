namespace FinFlow.Accounting.Ledger;

/// <summary>A posted journal entry: <c>date</c> is its accounting date, <c>postedAt</c> when it was recorded.</summary>
public sealed record JournalEntryView(
    Guid Id,
    Guid UserId,
    DateOnly Date,
    DateTimeOffset PostedAt,
    string Currency,
    string? Memo,
    Guid? InvoiceId,
    Guid? ReversesEntryId,
    IReadOnlyList<JournalLineView> Lines);
