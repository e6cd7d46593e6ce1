using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// Builds the CloudEvents 1.0 envelope daprd publishes (contract §3.2). Overrides come from the
/// <c>cloudevent.*</c> metadata keys; FinFlow's outbox relies on <c>cloudevent.id</c> so that a relayed
/// event keeps the id its consumers deduplicate on.
/// </summary>
public static class CloudEventEnvelope
{
    public const string DefaultType = "com.dapr.event.sent";
    public const string DefaultSource = "Dapr";

    public static byte[] Create(PublishRequest request, string appId, string traceParent, DateTimeOffset now)
    {
        var metadata = request.Metadata;
        var overrideParent = Value(metadata, "cloudevent.traceparent") ?? Value(metadata, "cloudevent.traceid");
        var parent = overrideParent ?? traceParent;
        var state = Value(metadata, "cloudevent.tracestate") ?? request.TraceState ?? "";
        JsonObject envelope;
        if (ContentTypes.IsCloudEvent(request.ContentType))
        {
            envelope = FromCloudEvent(request.Data);
            envelope["topic"] = request.Topic;
            envelope["pubsubname"] = request.PubsubName;
            if (IsMissing(envelope, "traceid"))
            {
                envelope["traceid"] = parent;
                envelope["traceparent"] = parent;
            }

            if (IsMissing(envelope, "tracestate")) envelope["tracestate"] = state;
            if (IsMissing(envelope, "source")) envelope["source"] = DefaultSource;
            if (IsMissing(envelope, "type")) envelope["type"] = DefaultType;
            if (IsMissing(envelope, "specversion")) envelope["specversion"] = "1.0";
            if (IsMissing(envelope, "time")) envelope["time"] = Rfc3339(now);
        }
        else
        {
            var contentType = string.IsNullOrEmpty(request.ContentType) ? "text/plain" : request.ContentType;
            envelope = new JsonObject
            {
                ["id"] = Value(metadata, "cloudevent.id") ?? Guid.NewGuid().ToString(),
                ["source"] = Value(metadata, "cloudevent.source") ?? appId,
                ["type"] = Value(metadata, "cloudevent.type") ?? DefaultType,
                ["specversion"] = "1.0",
                ["datacontenttype"] = contentType,
                ["topic"] = request.Topic,
                ["pubsubname"] = request.PubsubName,
                ["traceid"] = parent,
                ["traceparent"] = parent,
                ["tracestate"] = state,
                ["time"] = Rfc3339(now),
            };
            if (Value(metadata, "cloudevent.subject") is { } subject) envelope["subject"] = subject;
            AddData(envelope, contentType, request.Data);
        }

        if (Ttl(metadata) is { } ttl) envelope["expiration"] = Rfc3339(now.AddSeconds(ttl));
        return Encoding.UTF8.GetBytes(envelope.ToJsonString());
    }

    /// <summary><c>ttlInSeconds</c>: a positive integer sets an expiration (neither component has a native message TTL).</summary>
    public static int? Ttl(IReadOnlyDictionary<string, string> metadata)
    {
        if (Value(metadata, "ttlInSeconds") is not { } text) return null;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            throw PubSubErrors.RequestMetadata($"ttlInSeconds '{text}' is not an integer");
        }

        return seconds > 0 ? seconds : null;
    }

    /// <summary><c>rawPayload</c>: true sends the body to the broker without an envelope.</summary>
    public static bool IsRawPayload(IReadOnlyDictionary<string, string> metadata)
    {
        if (Value(metadata, "rawPayload") is not { } text) return false;
        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "t" => true,
            "false" or "0" or "f" => false,
            _ => throw PubSubErrors.RequestMetadata($"rawPayload '{text}' is not a boolean"),
        };
    }

    public static string Rfc3339(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void AddData(JsonObject envelope, string contentType, byte[] data)
    {
        if (ContentTypes.IsBinary(contentType))
        {
            envelope["data_base64"] = Convert.ToBase64String(data);
            return;
        }

        if (ContentTypes.IsJson(contentType))
        {
            try
            {
                envelope["data"] = JsonNode.Parse(data);
                return;
            }
            catch (JsonException)
            {
                // daprd falls back to the text when a JSON content type carries no JSON.
            }
        }

        envelope["data"] = Encoding.UTF8.GetString(data);
    }

    private static JsonObject FromCloudEvent(byte[] data)
    {
        try
        {
            return JsonNode.Parse(data) as JsonObject ?? throw PubSubErrors.CloudEventParse("the body is not a JSON object");
        }
        catch (JsonException error)
        {
            throw PubSubErrors.CloudEventParse(error.Message);
        }
    }

    private static bool IsMissing(JsonObject envelope, string name) =>
        !envelope.TryGetPropertyValue(name, out var node) || node is null || (node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0);

    private static string? Value(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
}
