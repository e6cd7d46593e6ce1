using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Accounting.Invoices;

/// <summary>An <c>invoices</c> row as Dapper reads it.</summary>
public sealed class InvoiceRow
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public string Client { get; init; } = string.Empty;

    public long AmountMinor { get; init; }

    public string Currency { get; init; } = string.Empty;

    public DateTime DueDate { get; init; }

    public string Status { get; init; } = string.Empty;

    public long AmountPaidMinor { get; init; }

    public DateTime CreatedAt { get; init; }

    public InvoiceResponse ToResponse(DateOnly today)
    {
        var currency = Domain.Monetary.Currency.FromCode(Currency.Trim());
        if (!InvoiceStatusCodes.TryParse(Status, out var status)) throw new InvalidOperationException($"Unknown invoice status '{Status}' in the database.");
        var due = DateOnly.FromDateTime(DueDate);
        return new InvoiceResponse(
            Id,
            UserId,
            Client,
            new Money(AmountMinor, currency).ToDecimal(),
            currency.Code,
            due,
            status,
            new Money(AmountPaidMinor, currency).ToDecimal(),
            new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)),
            InvoiceStatusCodes.IsOverdue(status, due, today));
    }
}
