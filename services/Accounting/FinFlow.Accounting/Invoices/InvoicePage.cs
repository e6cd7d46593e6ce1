namespace FinFlow.Accounting.Invoices;

/// <summary>One page of the caller's invoices, newest first.</summary>
public sealed record InvoicePage(IReadOnlyList<InvoiceResponse> Items, int Page, int PageSize, long Total);
