namespace FinFlow.Contracts.Events;

/// <summary>A processor settled a payment toward an invoice; <see cref="Fee"/> is what the processor kept, if known.</summary>
public sealed record PaymentCompleted(
    Guid PaymentId,
    Guid InvoiceId,
    Guid UserId,
    decimal Amount,
    string Currency,
    decimal? Fee,
    string ProcessorReference,
    DateTimeOffset CompletedAt) : IIntegrationEvent
{
    public static string Topic => Topics.PaymentCompleted;
}
