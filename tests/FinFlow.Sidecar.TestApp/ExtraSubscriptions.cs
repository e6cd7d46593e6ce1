using System.Text.Json.Nodes;

namespace FinFlow.Sidecar.TestApp;

/// <summary>
/// Appends hand-written entries to the <c>/dapr/subscribe</c> answer of MapSubscribeHandler, so tests can
/// offer the v2 <c>routes</c> form and odd field casing, which Dapr.AspNetCore only writes for CEL rules.
/// </summary>
public sealed class ExtraSubscriptions(RequestDelegate next, string extra)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.Equals("/dapr/subscribe", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        await next(context);
        context.Response.Body = original;
        var list = JsonNode.Parse(buffer.ToArray()) as JsonArray ?? [];
        foreach (var item in JsonNode.Parse(extra) as JsonArray ?? []) list.Add(item?.DeepClone());
        context.Response.ContentLength = null;
        await context.Response.WriteAsync(list.ToJsonString(), context.RequestAborted);
    }
}
