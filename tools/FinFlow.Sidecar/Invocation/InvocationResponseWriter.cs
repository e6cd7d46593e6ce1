using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Invocation;

/// <summary>Passes the callee's status, headers and body through unchanged, streaming the body.</summary>
public static class InvocationResponseWriter
{
    public static async Task WriteAsync(HttpContext context, InvocationResult result)
    {
        var response = result.Response;
        context.Response.StatusCode = (int)response.StatusCode;
        InvocationHeaders.CopyResponseHeaders(response, context.Response);
        var token = result.Token(context.RequestAborted);
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(token);
            await body.CopyToAsync(context.Response.Body, token);
        }
        catch (Exception error) when (error is IOException or HttpRequestException or OperationCanceledException)
        {
            // Status and headers are already on the wire; the only honest signal left is a broken response.
            context.Abort();
        }
    }
}
