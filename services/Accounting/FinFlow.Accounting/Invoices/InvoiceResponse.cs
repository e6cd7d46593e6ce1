using System.Text.Json.Serialization;
using FinFlow.Accounting.Payments;
using FinFlow.Contracts.Events;

namespace FinFlow.Accounting.Invoices;

/// <summary>An invoice as the API returns it: decimal amounts in the major unit, the derived <c>overdue</c> flag, and (one invoice only) its payments.</summary>
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
    bool Overdue,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<InvoicePaymentView>? Payments = null);
