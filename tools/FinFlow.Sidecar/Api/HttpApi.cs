using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Api;

/// <summary>Small helpers shared by the HTTP adapters of all building blocks.</summary>
public static class HttpApi
{
    /// <summary>Wraps a handler so a thrown <see cref="DaprApiException"/> becomes daprd's error response.</summary>
    public static RequestDelegate Handle(Func<HttpContext, Task> handler) => async context =>
    {
        try
        {
            await handler(context);
        }
        catch (DaprApiException error) when (!context.Response.HasStarted)
        {
            await ApiErrorWriter.WriteAsync(context, error);
        }
    };

    /// <summary>The request body as JSON; a body that does not parse is daprd's 400 ERR_MALFORMED_REQUEST.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpContext context)
    {
        try
        {
            return await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException error)
        {
            throw DaprErrors.MalformedRequest($"failed deserializing HTTP body: {error.Message}");
        }
    }

    /// <summary>Query parameters of the form <c>metadata.&lt;key&gt;=&lt;value&gt;</c>.</summary>
    public static Dictionary<string, string> QueryMetadata(HttpContext context)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in context.Request.Query)
        {
            if (name.StartsWith("metadata.", StringComparison.Ordinal) && name.Length > 9) metadata[name[9..]] = values.ToString();
        }

        return metadata;
    }

    /// <summary>A JSON object of string values (numbers and booleans are taken as their literal text).</summary>
    public static Dictionary<string, string> StringMap(JsonElement element)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object) return map;
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
        }

        return map;
    }

    public static async Task NoContentAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        await Task.CompletedTask;
    }
}
