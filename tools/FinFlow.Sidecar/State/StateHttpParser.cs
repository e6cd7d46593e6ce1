using System.Text;
using System.Text.Json;
using FinFlow.Sidecar.Api;

namespace FinFlow.Sidecar.State;

/// <summary>Reads the JSON bodies of the HTTP state API into building-block requests.</summary>
public static class StateHttpParser
{
    public static StateSaveItem SaveItem(JsonElement element, IReadOnlyDictionary<string, string> queryMetadata)
    {
        if (element.ValueKind != JsonValueKind.Object) throw DaprErrors.MalformedRequest("each state item must be a JSON object");
        var key = element.TryGetProperty("key", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
        if (key.Length == 0) throw DaprErrors.MalformedRequest("state item has no key");

        // The stored bytes are the JSON text of "value" exactly as sent, so HTTP and gRPC readers see the same data.
        var value = element.TryGetProperty("value", out var v) ? Encoding.UTF8.GetBytes(v.GetRawText()) : "null"u8.ToArray();
        var metadata = new Dictionary<string, string>(queryMetadata, StringComparer.Ordinal);
        if (element.TryGetProperty("metadata", out var m)) foreach (var (name, text) in HttpApi.StringMap(m)) metadata[name] = text;
        return new StateSaveItem(key, value, ETag(element), Concurrency(element), metadata);
    }

    public static StateConcurrency Concurrency(JsonElement item) =>
        item.TryGetProperty("options", out var options) && options.ValueKind == JsonValueKind.Object
        && options.TryGetProperty("concurrency", out var concurrency) && concurrency.ValueKind == JsonValueKind.String
            ? Concurrency(concurrency.GetString())
            : StateConcurrency.LastWrite;

    public static StateConcurrency Concurrency(string? text) => text switch
    {
        null or "" or "last-write" => StateConcurrency.LastWrite,
        "first-write" => StateConcurrency.FirstWrite,
        _ => throw DaprErrors.MalformedRequest($"invalid concurrency '{text}': use first-write or last-write"),
    };

    private static string? ETag(JsonElement item) =>
        item.TryGetProperty("etag", out var etag) && etag.ValueKind == JsonValueKind.String ? etag.GetString() : null;
}
