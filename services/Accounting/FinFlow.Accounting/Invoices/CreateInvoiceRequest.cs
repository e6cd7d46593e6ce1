namespace FinFlow.Accounting.Invoices;

/// <summary>
/// <c>POST /accounting/invoices</c> body. Everything is nullable and checked by <see cref="InvoiceDraft"/>,
/// so every problem is reported by field name; <c>dueDate</c> is a string so a bad format is a field error too.
/// </summary>
public sealed record CreateInvoiceRequest(
    string? Client,
    decimal? Amount,
    string? Currency,
    string? DueDate,
    IReadOnlyList<InvoiceLineRequest?>? Lines);
