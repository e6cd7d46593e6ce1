namespace FinFlow.Credit.Assessment.Books;

/// <summary>
/// What the assessment read from the caller's books: the latest invoices (paid ones with their payments), when the
/// first invoice was issued, twelve monthly cash-flow points ending with the current month, and the Cash balance.
/// </summary>
public sealed record BooksSnapshot(
    IReadOnlyList<AccountingInvoice> LatestInvoices,
    DateTimeOffset? FirstInvoiceAt,
    AccountingCashFlow CashFlow,
    decimal? CashBalance);
