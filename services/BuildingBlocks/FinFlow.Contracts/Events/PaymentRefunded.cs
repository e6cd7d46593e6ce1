namespace FinFlow.Contracts.Events;

/// <summary>Part or all of a completed payment was returned to the payer.</summary>
public sealed record PaymentRefunded(
    Guid RefundId,
    Guid PaymentId,
    Guid InvoiceId,
    Guid UserId,
    decimal Amount,
    string Currency,
    DateTimeOffset RefundedAt) : IIntegrationEvent
{
    public static string Topic => Topics.PaymentRefunded;
}
