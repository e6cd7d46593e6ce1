namespace FinFlow.Accounting.Invoices;

/// <summary>One line item; <c>taxRate</c> is a fraction (0.2 = 20 %), absent meaning untaxed.</summary>
public sealed record InvoiceLineRequest(string? Description, decimal? Quantity, decimal? UnitPrice, decimal? TaxRate);
