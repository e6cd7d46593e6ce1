namespace FinFlow.Payments.Invoices;

public sealed record InvoiceLookup(InvoiceLookupStatus Status, InvoiceSnapshot? Invoice = null)
{
    public static InvoiceLookup NotFound { get; } = new(InvoiceLookupStatus.NotFound);

    public static InvoiceLookup Unavailable { get; } = new(InvoiceLookupStatus.Unavailable);
}
