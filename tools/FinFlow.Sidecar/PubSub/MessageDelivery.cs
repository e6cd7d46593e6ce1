using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinFlow.Sidecar.Observability;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// What daprd does with each broker message of one subscription (<c>subscription.go</c>): read the envelope
/// (or wrap a raw payload), drop expired events, deliver under the inbound resiliency policy, and send what
/// cannot be delivered to the dead-letter topic. The outcome tells the broker whether it may forget the message.
/// </summary>
public sealed class MessageDelivery(
    TopicSubscription subscription, InboundPolicy policy, AppPostman postman, PubSubApi api, ApiMetrics metrics, ILogger logger)
{
    private readonly string _path = subscription.Path ?? throw new ArgumentException("subscription has no route", nameof(subscription));

    public async Task<PubSubOutcome> HandleAsync(PubSubMessage message, CancellationToken ct)
    {
        try
        {
            return await DeliverAsync(message, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown or the component's processing timeout: the broker keeps the message for redelivery.
            return PubSubOutcome.Nack;
        }
    }

    private async Task<PubSubOutcome> DeliverAsync(PubSubMessage message, CancellationToken ct)
    {
        JsonObject cloudEvent;
        var body = message.Data;
        if (subscription.RawPayload)
        {
            cloudEvent = RawEnvelope(message);
            body = Encoding.UTF8.GetBytes(cloudEvent.ToJsonString());
        }
        else if (Parse(message.Data) is { } parsed)
        {
            cloudEvent = parsed;
        }
        else
        {
            logger.LogError("Error deserializing cloud event in pubsub {PubSub} and topic {Topic}", subscription.PubsubName, subscription.Topic);
            return await DeadLetterOrAsync(message, PubSubOutcome.Nack, ct);
        }

        var id = Text(cloudEvent, "id");
        if (IsExpired(cloudEvent))
        {
            logger.LogWarning("Dropping expired pub/sub event {Id} as of {Expiration}", id, Text(cloudEvent, "expiration"));
            metrics.RecordPubSubIngress(subscription.PubsubName, subscription.Topic, "drop");
            await DeadLetterOrAsync(message, PubSubOutcome.Ack, ct);
            return PubSubOutcome.Ack;
        }

        var headers = Headers(message, cloudEvent);
        var delay = TimeSpan.Zero;
        for (var retry = 1; ; retry++)
        {
            var result = await AttemptAsync(body, headers, ct);
            metrics.RecordPubSubIngress(subscription.PubsubName, subscription.Topic, result.Status.ToString().ToLowerInvariant());
            switch (result.Status)
            {
                case DeliveryStatus.Success:
                    return PubSubOutcome.Ack;
                case DeliveryStatus.Drop:
                    logger.LogWarning("Pub/sub event {Id} on topic {Topic} dropped: {Detail}", id, subscription.Topic, result.Detail);
                    return await DeadLetterOrAsync(message, PubSubOutcome.Ack, ct);
            }

            logger.LogWarning("Delivery of pub/sub event {Id} on topic {Topic} failed (attempt {Attempt}): {Detail}", id, subscription.Topic, retry, result.Detail);
            if (policy.Delay(retry, delay, result.HttpStatus) is not { } next) break;
            delay = next;
            await Task.Delay(delay, ct);
        }

        // Exhausted: the dead-letter topic takes it; without one the broker keeps it (FinFlow: ack only after success).
        return await DeadLetterOrAsync(message, PubSubOutcome.Nack, ct);
    }

    private async Task<DeliveryResult> AttemptAsync(byte[] body, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (policy.Timeout is { } limit) timeout.CancelAfter(limit);
        try
        {
            return await postman.DeliverAsync(_path, body, headers, timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new DeliveryResult(DeliveryStatus.Retry, null, $"timed out after {policy.Timeout}");
        }
    }

    /// <summary>Republishes the original message to the dead-letter topic; <paramref name="otherwise"/> applies without one.</summary>
    private async Task<PubSubOutcome> DeadLetterOrAsync(PubSubMessage message, PubSubOutcome otherwise, CancellationToken ct)
    {
        if (subscription.DeadLetterTopic is not { } deadLetter) return otherwise;
        try
        {
            // daprd detaches the dead-letter publish from the delivery deadline and gives it 30 s of its own.
            using var publish = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await api.RepublishAsync(subscription.PubsubName, deadLetter, message, publish.Token);
            logger.LogInformation("Pub/sub message on topic {Topic} sent to dead-letter topic {DeadLetter}", subscription.Topic, deadLetter);
            return PubSubOutcome.Ack;
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(error, "Error sending message to dead letter, origin topic: {Topic} dead letter topic {DeadLetter}", subscription.Topic, deadLetter);
            return PubSubOutcome.Nack;
        }
    }

    private Dictionary<string, string> Headers(PubSubMessage message, JsonObject cloudEvent)
    {
        var headers = new Dictionary<string, string>(message.Metadata.ToDictionary(), StringComparer.OrdinalIgnoreCase)
        {
            ["pubsubName"] = subscription.PubsubName,
        };
        if ((Text(cloudEvent, "traceparent") ?? Text(cloudEvent, "traceid")) is { Length: > 0 } parent)
        {
            headers["traceparent"] = TraceContext.ChildOf(parent);
            if (Text(cloudEvent, "tracestate") is { Length: > 0 } state) headers["tracestate"] = state;
        }

        return headers;
    }

    private JsonObject RawEnvelope(PubSubMessage message)
    {
        var envelope = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["specversion"] = "1.0",
            ["datacontenttype"] = ContentTypes.OctetStream,
            ["data_base64"] = Convert.ToBase64String(message.Data),
            ["topic"] = subscription.Topic,
            ["pubsubname"] = subscription.PubsubName,
        };
        foreach (var key in (string[])["traceid", "traceparent", "tracestate"])
        {
            if (message.Metadata.TryGetValue(key, out var value)) envelope[key] = value;
        }

        return envelope;
    }

    private static JsonObject? Parse(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsExpired(JsonObject cloudEvent) =>
        Text(cloudEvent, "expiration") is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiration)
        && expiration < DateTimeOffset.UtcNow;

    private static string? Text(JsonObject cloudEvent, string name) =>
        cloudEvent.TryGetPropertyValue(name, out var node) && node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
