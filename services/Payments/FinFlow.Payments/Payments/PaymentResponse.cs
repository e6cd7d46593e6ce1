using FinFlow.Payments.CardData;

namespace FinFlow.Payments.Payments;

/// <summary>A payment as the API returns it: amounts in the major unit, the card as brand and last4 only.</summary>
public sealed record PaymentResponse(
    Guid Id,
    PaymentStatus Status,
    Guid InvoiceId,
    Guid UserId,
    decimal Amount,
    string Currency,
    decimal AmountRefunded,
    decimal? Fee,
    string Processor,
    string? ProcessorPaymentId,
    CardSummary? Card,
    string? FailureCode,
    string? FailureMessage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CompletedAt);
