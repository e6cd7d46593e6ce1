using System.Text;
using System.Text.Json;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.PubSub;

/// <summary>The HTTP publish API: <c>/v1.0/publish/{pubsub}/{topic}</c> and bulk publish (contract §3.1, §3.3).</summary>
public static class PubSubHttpEndpoints
{
    public static void Map(SidecarEndpoints endpoints, PubSubApi api)
    {
        var http = endpoints.Http;
        // The topic may contain '/', hence the catch-all segment.
        http.MapMethods("/v1.0/publish/{pubsubname}/{**topic}", ["POST", "PUT"], HttpApi.Handle(c => PublishAsync(c, api)));
        http.MapPost("/v1.0/publish/bulk/{pubsubname}/{**topic}", HttpApi.Handle(c => BulkPublishAsync(c, api)));
        http.MapPost("/v1.0-alpha1/publish/bulk/{pubsubname}/{**topic}", HttpApi.Handle(c => BulkPublishAsync(c, api)));
    }

    private static async Task PublishAsync(HttpContext context, PubSubApi api)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var request = Common(context) with
        {
            Data = buffer.ToArray(),
            ContentType = context.Request.ContentType is { Length: > 0 } type ? type : null,
        };
        await api.PublishAsync(request, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task BulkPublishAsync(HttpContext context, PubSubApi api)
    {
        using var body = await HttpApi.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Array) throw PubSubErrors.EventsSerialization("the body must be a JSON array of entries");
        var entries = body.RootElement.EnumerateArray().Select(Entry).ToList();
        var failures = await api.BulkPublishAsync(Common(context), entries, context.RequestAborted);
        if (failures.Count == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("failedEntries");
        foreach (var failure in failures)
        {
            writer.WriteStartObject();
            writer.WriteString("entryId", failure.EntryId);
            writer.WriteString("error", failure.Error);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("errorCode", "ERR_PUBSUB_PUBLISH_MESSAGE");
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static PublishRequest Common(HttpContext context) => new(
        context.Request.RouteValues["pubsubname"] as string ?? "",
        context.Request.RouteValues["topic"] as string ?? "",
        [],
        null,
        HttpApi.QueryMetadata(context),
        NonEmpty(context.Request.Headers["traceparent"].ToString()),
        NonEmpty(context.Request.Headers["tracestate"].ToString()));

    private static BulkPublishEntry Entry(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object) throw PubSubErrors.EventsSerialization("every bulk entry must be a JSON object");
        var contentType = entry.TryGetProperty("contentType", out var type) ? type.GetString() : null;
        var id = entry.TryGetProperty("entryId", out var entryId) ? entryId.GetString() ?? "" : "";
        var metadata = entry.TryGetProperty("metadata", out var meta) ? HttpApi.StringMap(meta) : [];
        byte[] data = [];
        if (entry.TryGetProperty("event", out var value))
        {
            // A JSON string is the event's text unless the content type says the text itself is JSON.
            data = value.ValueKind == JsonValueKind.String && !ContentTypes.IsJson(contentType)
                ? Encoding.UTF8.GetBytes(value.GetString()!)
                : Encoding.UTF8.GetBytes(value.GetRawText());
        }

        return new BulkPublishEntry(id, data, contentType, metadata);
    }

    private static string? NonEmpty(string value) => value.Length > 0 ? value : null;
}
