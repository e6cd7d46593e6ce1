using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Payments.Payments;

/// <summary>A <c>payments</c> row as Dapper reads it; the settlement code changes it in memory and saves it in one UPDATE.</summary>
public sealed class PaymentRow
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public Guid InvoiceId { get; init; }

    public long AmountMinor { get; init; }

    public string Currency { get; init; } = string.Empty;

    public string Status { get; set; } = "PENDING";

    public string Processor { get; init; } = string.Empty;

    public string PaymentMethod { get; init; } = string.Empty;

    public string? ProcessorPaymentId { get; set; }

    public byte[]? CardDetails { get; set; }

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public long? FeeMinor { get; set; }

    public long AmountRefundedMinor { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public DateTime? CompletedAt { get; set; }

    public PaymentStatus State => PaymentStateMachine.Parse(Status);

    public Money Amount => new(AmountMinor, FinFlow.Accounting.Domain.Monetary.Currency.FromCode(Currency.Trim()));

    public Money Refunded => new(AmountRefundedMinor, Amount.Currency);
}
