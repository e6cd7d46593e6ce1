using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace FinFlow.Benchmarks;

/// <summary>
/// The app behind the sidecars (<c>FinFlow.Benchmarks app</c>, its own process): <c>GET /echo</c> answers a
/// fixed 1 KB body (daprd's published runs use a 1 KB payload); with BENCH_SUBSCRIBE=1 it subscribes to
/// <c>pubsub/bench</c>, records each event's one-way latency from the <c>sent</c> Stopwatch timestamp in
/// its data (monotonic, comparable across processes on one machine), and completes the long poll
/// <c>GET /delivered/{id}</c> a publisher waits on.
/// </summary>
public static class TinyApp
{
    private static readonly byte[] Payload = System.Text.Encoding.UTF8.GetBytes(
        JsonSerializer.Serialize(new { ok = true, filler = new string('x', 1000) }));

    public static Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var deliveries = new ConcurrentDictionary<string, TaskCompletionSource<double>>(StringComparer.Ordinal);
        TaskCompletionSource<double> Slot(string id) => deliveries.GetOrAdd(id, _ => new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously));

        app.MapGet("/healthz", () => Results.Ok());
        app.MapGet("/echo", (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = Payload.Length;
            return context.Response.Body.WriteAsync(Payload).AsTask();
        });
        app.MapGet("/dapr/subscribe", () => Environment.GetEnvironmentVariable("BENCH_SUBSCRIBE") == "1"
            ? Results.Json(new[] { new { pubsubname = "pubsub", topic = "bench", route = "/events" } })
            : Results.Json(Array.Empty<object>()));
        app.MapPost("/events", async (HttpContext context) =>
        {
            using var envelope = await JsonDocument.ParseAsync(context.Request.Body);
            var data = envelope.RootElement.GetProperty("data");
            var latency = Stopwatch.GetElapsedTime(data.GetProperty("sent").GetInt64()).TotalMilliseconds;
            Slot(data.GetProperty("id").GetString()!).TrySetResult(latency);
            return Results.Ok();
        });
        app.MapGet("/delivered/{id}", async (string id, int? timeoutSeconds) =>
        {
            var slot = Slot(id);
            var latency = await slot.Task.WaitAsync(TimeSpan.FromSeconds(timeoutSeconds ?? 10));
            deliveries.TryRemove(id, out _);
            return Results.Text(latency.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        });
        return app.RunAsync();
    }
}
