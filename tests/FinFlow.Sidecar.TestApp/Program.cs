using System.Text.Json;
using Dapr;
using FinFlow.Sidecar.TestApp;

// A subscriber written the way FinFlow services are: Dapr.AspNetCore's CloudEvents middleware, the
// subscribe handler and WithTopic. Tests configure it through TESTAPP_* variables and read GET /received.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddControllers().AddDapr();
builder.Services.AddSingleton<DeliveryLog>();
var app = builder.Build();

var pubsub = Environment.GetEnvironmentVariable("TESTAPP_PUBSUB") ?? "pubsub";
var allowHang = Environment.GetEnvironmentVariable("TESTAPP_ALLOW_HANG") == "true";
var extra = Environment.GetEnvironmentVariable("TESTAPP_EXTRA_SUBSCRIPTIONS");

if (extra is { Length: > 0 }) app.UseMiddleware<ExtraSubscriptions>(extra);
// /raw/* sees the envelope exactly as the sidecar sent it; everything else goes through Dapr.AspNetCore.
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/raw", StringComparison.Ordinal),
    branch => branch.UseCloudEvents(new CloudEventsMiddlewareOptions { ForwardCloudEventPropertiesAsHeaders = true }));
app.MapSubscribeHandler();

foreach (var spec in (Environment.GetEnvironmentVariable("TESTAPP_TOPICS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
{
    var parts = spec.Split('>');
    var topic = parts[0];
    app.MapPost($"events/{topic}", (HttpContext context, DeliveryLog log) => HandleAsync(context, log, topic, raw: false))
        .WithTopic(new TopicOptions { PubsubName = pubsub, Name = topic, DeadLetterTopic = parts.Length > 1 ? parts[1] : null });
}

app.MapPost("v2/{topic}", (HttpContext context, DeliveryLog log, string topic) => HandleAsync(context, log, topic, raw: false));
app.MapPost("raw/{topic}", (HttpContext context, DeliveryLog log, string topic) => HandleAsync(context, log, topic, raw: true));
app.MapGet("received", (DeliveryLog log) => log.All);
app.MapGet("healthz", () => "ok");
app.Run();

async Task<IResult> HandleAsync(HttpContext context, DeliveryLog log, string topic, bool raw)
{
    using var reader = new StreamReader(context.Request.Body);
    var body = await reader.ReadToEndAsync(context.RequestAborted);
    var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
    string id;
    string? mode = null;
    try
    {
        using var json = JsonDocument.Parse(body);
        var data = raw && json.RootElement.TryGetProperty("data", out var inner) ? inner : json.RootElement;
        id = raw ? json.RootElement.GetProperty("id").GetString() ?? "" : headers.GetValueOrDefault("cloudevent.id", "");
        mode = Responder.ModeOf(data);
    }
    catch (JsonException)
    {
        id = raw ? "" : headers.GetValueOrDefault("cloudevent.id", "");
    }

    // Dead-letter topics receive the original event, mode included; they always accept it.
    if (topic.EndsWith("-dead", StringComparison.Ordinal)) mode = null;
    var attempt = log.NextAttempt(topic, id);
    // Lets a test see that a delivery is in flight before it kills this process.
    if (mode == "hang" && allowHang) log.Add(new Delivery(topic, context.Request.Path, id, attempt, mode, body, context.Request.ContentType, headers, "hanging"));
    var (result, outcome) = await Responder.AnswerAsync(mode, attempt, allowHang, context.RequestAborted);
    log.Add(new Delivery(topic, context.Request.Path, id, attempt, mode, body, context.Request.ContentType, headers, outcome));
    return result;
}
