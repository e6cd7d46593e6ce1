namespace FinFlow.Contracts.Events;

/// <summary>An invoice's payments now cover its whole amount.</summary>
public sealed record InvoicePaid(
    Guid InvoiceId,
    Guid UserId,
    decimal Amount,
    decimal AmountPaid,
    string Currency,
    DateTimeOffset PaidAt) : IIntegrationEvent
{
    public static string Topic => Topics.InvoicePaid;
}
