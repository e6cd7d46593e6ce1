using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace FinFlow.Sidecar.InvokeTestApp;

/// <summary>
/// The echo: every request not under <c>/_test/</c> or <c>/healthz</c> is answered with a JSON description
/// of itself. Steering: <c>x-echo-status</c> picks the status; <c>x-echo-delay-ms</c> delays the answer;
/// <c>x-echo-key</c> counts hits (so does each path, as <c>path:/the/path</c>; read them at <c>/_test/hits?key=</c>), and with <c>x-echo-fail-times: N</c> the first N hits of that key answer
/// <c>x-echo-fail-status</c> (503 by default).
/// </summary>
public static class EchoEndpoints
{
    public static void Map(WebApplication app)
    {
        var appId = Environment.GetEnvironmentVariable("APP_ID") ?? "echo";
        app.MapGet("/healthz", (EchoState state) => state.Healthy ? Results.Ok("healthy") : Results.StatusCode(503));
        app.MapPost("/_test/health/{healthy:bool}", (bool healthy, EchoState state) =>
        {
            state.Healthy = healthy;
            return Results.NoContent();
        });
        app.MapGet("/_test/hits", (string key, EchoState state) => Results.Ok(state.Hits(key)));
        app.MapFallback("{**path}", (HttpContext context, EchoState state) => EchoAsync(context, state, appId));
    }

    private static async Task EchoAsync(HttpContext context, EchoState state, string appId)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var key = request.Headers["x-echo-key"].ToString();
        var attempt = key.Length > 0 ? state.Hit(key) : 1;
        state.Hit("path:" + request.Path.Value);
        if (int.TryParse(request.Headers["x-echo-delay-ms"], CultureInfo.InvariantCulture, out var delay))
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        var status = int.TryParse(request.Headers["x-echo-status"], CultureInfo.InvariantCulture, out var chosen) ? chosen : 200;
        if (int.TryParse(request.Headers["x-echo-fail-times"], CultureInfo.InvariantCulture, out var failTimes) && attempt <= failTimes)
        {
            status = int.TryParse(request.Headers["x-echo-fail-status"], CultureInfo.InvariantCulture, out var failStatus) ? failStatus : 503;
        }

        context.Response.StatusCode = status;
        context.Response.Headers["x-echo-app"] = appId;
        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("app", appId);
        json.WriteString("method", request.Method);
        json.WriteString("path", request.Path.Value);
        json.WriteString("rawTarget", context.Features.Get<IHttpRequestFeature>()?.RawTarget);
        json.WriteString("query", request.QueryString.Value);
        json.WriteNumber("attempt", attempt);
        json.WriteString("body", body);
        json.WriteStartObject("headers");
        foreach (var (name, values) in request.Headers) json.WriteString(name.ToLowerInvariant(), values.ToString());
        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
