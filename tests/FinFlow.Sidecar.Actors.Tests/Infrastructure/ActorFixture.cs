using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Actors.Client;
using FinFlow.LocalInfra;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL, the actor app (idle timeout 2.5 s, scan every 0.5 s) and its sidecar with a
/// <c>state.postgresql</c> actor state store and the ActorStateTTL feature, each a separate process. The
/// sidecar can be restarted on the same ports against the same database.
/// </summary>
public sealed class ActorFixture : IAsyncLifetime
{
    public const string AppId = "actorapp";
    public const int IdleMilliseconds = 2500;

    private readonly PostgresFixture _postgres = new();
    private readonly ResourceDirectory _resources = new();
    private (int Http, int Grpc) _ports;
    private int _appPort;

    public SidecarProcess Sidecar { get; private set; } = null!;

    public ActorAppProcess App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IActorProxyFactory Proxies { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("actors");
        _resources.Write("statestore.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.postgresql
              version: v2
              initTimeout: 60s
              metadata:
              - name: connectionString
                value: "{ConnectionString}"
              - name: actorStateStore
                value: "true"
            """);
        _resources.Write("config.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata:
              name: actorconfig
            spec:
              features:
              - name: ActorStateTTL
                enabled: true
            """);
        _ports = (FreePort.Next(), FreePort.Next());
        _appPort = FreePort.Next();
        App = await ActorAppProcess.StartAsync(_appPort, new Dictionary<string, string>
        {
            ["DAPR_HTTP_PORT"] = $"{_ports.Http}",
            ["DAPR_GRPC_PORT"] = $"{_ports.Grpc}",
            ["ACTORAPP_IDLE_MS"] = $"{IdleMilliseconds}",
            ["ACTORAPP_SCAN_MS"] = "500",
        });
        await StartSidecarAsync();
    }

    /// <summary>SIGKILL, then a new sidecar on the same ports and database (what a crash and restart look like).</summary>
    public async Task RestartSidecarAsync()
    {
        await Sidecar.KillAsync();
        await Sidecar.DisposeAsync();
        Http.Dispose();
        await StartSidecarAsync();
    }

    /// <summary>POSTs JSON to the sidecar's HTTP API (for the raw daprd API and its error answers).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    public async Task<string> MetricsAsync() => await Http.GetStringAsync("/metrics");

    /// <summary>Polls the app's event log until the condition holds.</summary>
    public async Task<IReadOnlyList<ActorApp.Contracts.ActorEvent>> WaitForEventsAsync(
        string actorId, Func<IReadOnlyList<ActorApp.Contracts.ActorEvent>, bool> condition, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        IReadOnlyList<ActorApp.Contracts.ActorEvent> events = [];
        while (DateTime.UtcNow < deadline)
        {
            events = await App.EventsAsync(actorId);
            if (condition(events)) return events;
            await Task.Delay(100);
        }

        Assert.Fail($"timed out after {timeout}: {because}\nevents: {JsonSerializer.Serialize(events)}\nsidecar:\n{Tail(Sidecar.Output)}");
        return events;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        await _postgres.DisposeAsync();
        _resources.Dispose();
    }

    private async Task StartSidecarAsync()
    {
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch
        {
            AppId = AppId,
            ResourcesPaths = [_resources.Path],
            ConfigFile = Path.Combine(_resources.Path, "config.yaml"),
            Ports = _ports,
            ExtraArguments = ["--app-port", $"{_appPort}"],
        });
        Http = Sidecar.CreateHttpClient();
        Proxies = new ActorProxyFactory(new ActorProxyOptions { HttpEndpoint = Sidecar.HttpEndpoint, RequestTimeout = TimeSpan.FromSeconds(30) });
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
