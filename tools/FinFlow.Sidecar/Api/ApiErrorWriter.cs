using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Api;

/// <summary>Renders errors in daprd's HTTP shape: <c>{"errorCode":"ERR_…","message":"…"}</c>.</summary>
public static class ApiErrorWriter
{
    public static async Task WriteAsync(HttpContext context, DaprApiException error)
    {
        context.Response.StatusCode = error.HttpStatus;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("errorCode", error.ErrorCode);
        writer.WriteString("message", error.Message);
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
