namespace FinFlow.Contracts.Events;

/// <summary>A payment attempt was declined or errored; <see cref="FailureCode"/> is the processor's decline code.</summary>
public sealed record PaymentFailed(
    Guid PaymentId,
    Guid InvoiceId,
    Guid UserId,
    decimal Amount,
    string Currency,
    string FailureCode,
    string? FailureMessage,
    DateTimeOffset FailedAt) : IIntegrationEvent
{
    public static string Topic => Topics.PaymentFailed;
}
