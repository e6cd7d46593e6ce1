using FinFlow.Contracts.Events;

namespace FinFlow.Accounting.Invoices;

/// <summary>An invoice as the API returns it: decimal amounts in the major unit, and the derived <c>overdue</c> flag.</summary>
public sealed record InvoiceResponse(
    Guid Id,
    Guid UserId,
    string Client,
    decimal Amount,
    string Currency,
    DateOnly DueDate,
    InvoiceStatus Status,
    decimal AmountPaid,
    DateTimeOffset CreatedAt,
    bool Overdue);
