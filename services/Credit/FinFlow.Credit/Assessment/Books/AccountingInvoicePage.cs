namespace FinFlow.Credit.Assessment.Books;

/// <summary>One page of <c>GET accounting/invoices</c>, newest first.</summary>
public sealed record AccountingInvoicePage(IReadOnlyList<AccountingInvoice> Items, int Page, int PageSize, long Total);
