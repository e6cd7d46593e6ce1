namespace FinFlow.Accounting.Invoices;

/// <summary>A validated line item: the unit price in minor units, quantity and tax rate exact.</summary>
public sealed record InvoiceLine(string Description, decimal Quantity, long UnitPriceMinor, decimal TaxRate);
