namespace FinFlow.Contracts.Events;

/// <summary>An invoice was issued. Amounts are decimal in the currency's major unit, exact to its minor unit.</summary>
public sealed record InvoiceCreated(
    Guid Id,
    Guid UserId,
    string Client,
    decimal Amount,
    string Currency,
    DateOnly DueDate,
    InvoiceStatus Status,
    DateTimeOffset CreatedAt) : IIntegrationEvent
{
    public static string Topic => Topics.InvoiceCreated;
}
