namespace FinFlow.Data.Outbox;

/// <summary>Hands one outbox message to the message broker; throws when the broker did not take it.</summary>
public interface IOutboxPublisher
{
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}
