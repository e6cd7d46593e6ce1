using System.Text.Json;
using Dapr.Client;
using FinFlow.Contracts;

namespace FinFlow.Data.Outbox;

/// <summary>Publishes through the sidecar, pinning the CloudEvent id (and trace) to the outbox row's so redelivery can be recognised.</summary>
public sealed class DaprOutboxPublisher(DaprClient dapr) : IOutboxPublisher
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>
        {
            ["cloudevent.id"] = message.Id.ToString(),
            ["cloudevent.type"] = $"finflow.{message.Topic}.v1",
        };
        if (message.TraceParent is not null) metadata["cloudevent.traceparent"] = message.TraceParent;

        using var payload = JsonDocument.Parse(message.Payload);
        await dapr.PublishEventAsync(DaprComponents.PubSub, message.Topic, payload.RootElement, metadata, cancellationToken);
    }
}
