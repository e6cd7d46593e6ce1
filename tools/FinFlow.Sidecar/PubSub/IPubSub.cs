namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// What a pub/sub component (<c>pubsub.redis</c>, <c>pubsub.in-memory</c>) offers the building block.
/// The building block owns envelopes, routing, resiliency and dead-lettering; the component only moves
/// bytes and decides, from the handler's <see cref="PubSubOutcome"/>, whether the broker forgets a message.
/// </summary>
public interface IPubSub
{
    /// <summary>Returns only once the broker holds the message, so a 204 to the publisher means it is durable there.</summary>
    Task PublishAsync(PubSubMessage message, CancellationToken ct);

    /// <summary>
    /// Starts consuming <paramref name="topic"/> and returns once the consumer is in place; delivery goes on
    /// until <paramref name="stoppingToken"/> is cancelled.
    /// </summary>
    Task SubscribeAsync(string topic, PubSubHandler handler, CancellationToken stoppingToken);
}
