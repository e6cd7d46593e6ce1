using FinFlow.Testing;
using Dapr.Client;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// Redis, a sidecar and its subscriber app that tests kill and restart on the same ports. No resiliency
/// policy and no dead-letter topic, so only the broker's redelivery (processingTimeout 2 s, checked every
/// second) can bring a message back.
/// </summary>
public sealed class RedisRestartFixture : IAsyncLifetime
{
    public const string Topic = "durable";

    private readonly ResourceDirectory _resources = new();
    private RedisServer? _redis;
    private int _appPort;
    private (int Http, int Grpc) _ports;

    public SidecarProcess Sidecar { get; private set; } = null!;

    public SubscriberAppProcess App { get; private set; } = null!;

    public DaprClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerOptions { Password = "restart-secret" });
        _resources.Write("pubsub.yaml", RedisComponents.Yaml(_resources, _redis, "queueDepth", "50"));
        _appPort = FreePort.Next();
        _ports = (FreePort.Next(), FreePort.Next());
        await StartAppAsync(allowHang: false);
        await StartSidecarAsync();
        Client = Sidecar.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        _resources.Dispose();
    }

    public async Task StartAppAsync(bool allowHang)
    {
        App = await SubscriberAppProcess.StartAsync(_appPort, new Dictionary<string, string>
        {
            ["TESTAPP_TOPICS"] = Topic,
            ["TESTAPP_ALLOW_HANG"] = allowHang ? "true" : "false",
        });
    }

    public async Task KillAppAsync() => await App.DisposeAsync();

    /// <summary>SIGKILL: no graceful shutdown, in-flight work simply vanishes.</summary>
    public async Task CrashSidecarAsync() => await Sidecar.DisposeAsync();

    /// <summary>A new sidecar process on the same ports (it reports healthy only once the app listens).</summary>
    public async Task StartSidecarAsync()
    {
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch
        {
            AppId = "restartapp",
            ResourcesPaths = [_resources.Path],
            ExtraArguments = ["--app-port", $"{_appPort}"],
            Ports = _ports,
        });
        using var http = Sidecar.CreateHttpClient();
        await DaprAssert.EventuallyAsync(
            async () => (await http.GetStringAsync("/v1.0/metadata")).Contains($"\"topic\":\"{Topic}\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20), "subscription started");
    }
}
