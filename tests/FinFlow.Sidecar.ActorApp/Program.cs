using System.Globalization;
using Dapr.Actors;
using FinFlow.Sidecar.ActorApp;

// Actors hosted with Dapr.Actors.AspNetCore exactly as a FinFlow service would host them. The tests set
// ACTORAPP_IDLE_MS / ACTORAPP_SCAN_MS to make idle deactivation observable, and read GET /events.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<EventLog>();
builder.Services.AddActors(options =>
{
    options.Actors.RegisterActor<CounterActor>();
    options.Actors.RegisterActor<ReentrantCounterActor>(typeOptions: new()
    {
        ReentrancyConfig = new ActorReentrancyConfig { Enabled = true, MaxStackDepth = 8 },
    });
    options.ActorIdleTimeout = TimeSpan.FromMilliseconds(Setting("ACTORAPP_IDLE_MS", 60_000));
    options.ActorScanInterval = TimeSpan.FromMilliseconds(Setting("ACTORAPP_SCAN_MS", 1_000));
});

var app = builder.Build();
app.MapActorsHandlers();
app.MapGet("events", (EventLog log, string? actorId) => log.For(actorId));
app.Run();

static int Setting(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
