using System.Text.Json;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.State;

/// <summary>The HTTP state API, <c>/v1.0/state/...</c> (contract §2.1).</summary>
public static class StateHttpEndpoints
{
    public static void Map(SidecarEndpoints endpoints, StateApi api)
    {
        var http = endpoints.Http;
        http.MapGet("/v1.0/state/{storeName}/{key}", HttpApi.Handle(c => GetAsync(c, api)));
        http.MapMethods("/v1.0/state/{storeName}", ["POST", "PUT"], HttpApi.Handle(c => SaveAsync(c, api)));
        http.MapDelete("/v1.0/state/{storeName}/{key}", HttpApi.Handle(c => DeleteAsync(c, api)));
        http.MapMethods("/v1.0/state/{storeName}/bulk", ["POST", "PUT"], HttpApi.Handle(c => BulkGetAsync(c, api)));
        http.MapMethods("/v1.0/state/{storeName}/transaction", ["POST", "PUT"], HttpApi.Handle(c => TransactAsync(c, api)));
    }

    private static async Task GetAsync(HttpContext context, StateApi api)
    {
        var entry = await api.GetAsync(Route(context, "storeName"), Route(context, "key"), context.RequestAborted);
        if (entry is null)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers.ETag = entry.ETag;
        if (entry.ExpiresAt is { } expires) context.Response.Headers["metadata." + StateTtl.ExpireTimeKey] = StateTtl.Format(expires);
        await context.Response.Body.WriteAsync(entry.Value, context.RequestAborted);
    }

    private static async Task SaveAsync(HttpContext context, StateApi api)
    {
        using var body = await HttpApi.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Array) throw DaprErrors.MalformedRequest("the body must be a JSON array of state items");
        var query = HttpApi.QueryMetadata(context);
        var items = body.RootElement.EnumerateArray().Select(item => StateHttpParser.SaveItem(item, query)).ToList();
        await api.SaveAsync(Route(context, "storeName"), items, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task DeleteAsync(HttpContext context, StateApi api)
    {
        // daprd passes If-Match through as is; quotes added by strict HTTP clients are dropped since no store ETag contains them.
        var etag = context.Request.Headers.IfMatch.ToString().Trim('"');
        var concurrency = StateHttpParser.Concurrency(context.Request.Query["concurrency"].ToString());
        await api.DeleteAsync(Route(context, "storeName"), [new StateDeleteItem(Route(context, "key"), etag, concurrency)], context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task BulkGetAsync(HttpContext context, StateApi api)
    {
        using var body = await HttpApi.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Object
            || !body.RootElement.TryGetProperty("keys", out var keysElement) || keysElement.ValueKind != JsonValueKind.Array)
        {
            throw DaprErrors.MalformedRequest("the body must be {\"keys\":[...]}");
        }

        var keys = keysElement.EnumerateArray().Select(k => k.GetString() ?? "").ToList();
        var results = await api.BulkGetAsync(Route(context, "storeName"), keys, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartArray();
        foreach (var result in results) WriteBulkItem(writer, result);
        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static async Task TransactAsync(HttpContext context, StateApi api)
    {
        using var body = await HttpApi.ReadJsonAsync(context);
        if (body.RootElement.ValueKind != JsonValueKind.Object
            || !body.RootElement.TryGetProperty("operations", out var operations) || operations.ValueKind != JsonValueKind.Array)
        {
            throw DaprErrors.MalformedRequest("the body must be {\"operations\":[...]}");
        }

        var query = HttpApi.QueryMetadata(context);
        var steps = new List<(string, StateSaveItem)>();
        foreach (var operation in operations.EnumerateArray())
        {
            var type = operation.TryGetProperty("operation", out var t) ? t.GetString() ?? "" : "";
            if (!operation.TryGetProperty("request", out var request)) throw DaprErrors.MalformedRequest("operation has no request");
            steps.Add((type, StateHttpParser.SaveItem(request, query)));
        }

        await api.TransactAsync(Route(context, "storeName"), steps, grpc: false, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static void WriteBulkItem(Utf8JsonWriter writer, StateGetResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("key", result.Key);
        if (result.Entry is { } entry)
        {
            writer.WritePropertyName("data");
            if (IsJson(entry.Value)) writer.WriteRawValue(entry.Value, skipInputValidation: true);
            else writer.WriteStringValue(System.Text.Encoding.UTF8.GetString(entry.Value));
            writer.WriteString("etag", entry.ETag);
            if (entry.ExpiresAt is { } expires)
            {
                writer.WriteStartObject("metadata");
                writer.WriteString(StateTtl.ExpireTimeKey, StateTtl.Format(expires));
                writer.WriteEndObject();
            }
        }

        if (result.Error is not null) writer.WriteString("error", result.Error);
        writer.WriteEndObject();
    }

    private static bool IsJson(byte[] value)
    {
        if (value.Length == 0) return false;
        var reader = new Utf8JsonReader(value);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";
}
