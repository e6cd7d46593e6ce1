using FinFlow.Contracts.Events;

namespace FinFlow.Payments.Invoices;

/// <summary>An invoice as accounting answers <c>GET /accounting/invoices/{id}</c> (amounts in the major unit).</summary>
public sealed record InvoiceSnapshot(
    Guid Id,
    Guid UserId,
    string? Client,
    decimal Amount,
    string Currency,
    InvoiceStatus Status,
    decimal AmountPaid);
