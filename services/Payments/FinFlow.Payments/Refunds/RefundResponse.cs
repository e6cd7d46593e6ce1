using FinFlow.Payments.Payments;

namespace FinFlow.Payments.Refunds;

/// <summary>A completed refund and the payment as it stands after it.</summary>
public sealed record RefundResponse(
    Guid Id,
    Guid PaymentId,
    decimal Amount,
    string Currency,
    string Status,
    string? ProcessorRefundId,
    DateTimeOffset CreatedAt,
    PaymentResponse Payment);
