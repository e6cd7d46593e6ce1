using FinFlow.Contracts.Events;

namespace FinFlow.Credit.Assessment.Books;

/// <summary>The fields of accounting's invoice the assessment reads; <c>payments</c> only on a single-invoice read.</summary>
public sealed record AccountingInvoice(
    Guid Id,
    decimal Amount,
    string Currency,
    DateOnly DueDate,
    InvoiceStatus Status,
    decimal AmountPaid,
    DateTimeOffset CreatedAt,
    bool Overdue,
    IReadOnlyList<AccountingPayment>? Payments = null);
