using System.Reflection;
using System.Text.Json;
using FinFlow.LocalInfra;

namespace FinFlow.Benchmarks;

/// <summary>
/// What the benchmark runs against: a private PostgreSQL (and Redis when it can), two tiny apps
/// (<c>bench-a</c>, <c>bench-b</c>) each behind a FinFlow.Sidecar process, resolved through a name
/// resolution file and sharing one API token, exactly as <c>./finflow up</c> wires them.
/// </summary>
public sealed class Topology : IAsyncDisposable
{
    public const string ApiToken = "benchmark-api-token";
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "finflow-benchmarks", Guid.NewGuid().ToString("N"));

    private Topology()
    {
    }

    public string StateConnectionString { get; private set; } = "";

    public int AppBPort { get; private set; }

    public (int Http, int Grpc) SidecarA { get; private set; }

    /// <summary>Null when pub/sub runs; otherwise why it is skipped.</summary>
    public string? PubSubSkipped { get; private set; }

    public static string SidecarAssembly =>
        typeof(Topology).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SidecarAssembly").Value!;

    public static async Task<Topology> StartAsync(BenchmarkOptions options)
    {
        if (!File.Exists(SidecarAssembly)) throw new FileNotFoundException($"{SidecarAssembly} is missing; build first: dotnet build -c Release tools/FinFlow.Benchmarks");
        var topology = new Topology();
        try
        {
            await topology.StartInfrastructureAsync(options);
            await topology.StartAppsAndSidecarsAsync();
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    private async Task StartInfrastructureAsync(BenchmarkOptions options)
    {
        Directory.CreateDirectory(_directory);
        var postgres = await PostgresServer.StartAsync();
        _owned.Add(postgres);
        StateConnectionString = await postgres.CreateScratchDatabaseAsync("bench");
        Write("state.yaml", Component("statestore", "state.postgresql", "v2", ("connectionString", StateConnectionString)));
        if (options.SkipPubSub)
        {
            PubSubSkipped = "--skip-pubsub was given";
            return;
        }

        try
        {
            var redis = await RedisServer.StartAsync();
            _owned.Add(redis);
            var metadata = new List<(string, string)> { ("redisHost", $"127.0.0.1:{redis.Port}") };
            if (redis.Password is { } password) metadata.Add(("redisPassword", password));
            Write("pubsub.yaml", Component("pubsub", "pubsub.redis", "v1", [.. metadata]));
        }
        catch (MissingPrerequisiteException error)
        {
            PubSubSkipped = $"no Redis: {error.Message}";
        }
    }

    private async Task StartAppsAndSidecarsAsync()
    {
        var appA = FreePort.Next();
        AppBPort = FreePort.Next();
        SidecarA = (FreePort.Next(), FreePort.Next());
        var sidecarB = (Http: FreePort.Next(), Grpc: FreePort.Next());
        var names = Path.Combine(_directory, "apps.json");
        await File.WriteAllTextAsync(names, JsonSerializer.Serialize(new
        {
            apps = new Dictionary<string, object>
            {
                ["bench-a"] = new { host = "127.0.0.1", appPort = appA, httpPort = SidecarA.Http, grpcPort = SidecarA.Grpc },
                ["bench-b"] = new { host = "127.0.0.1", appPort = AppBPort, httpPort = sidecarB.Http, grpcPort = sidecarB.Grpc },
            },
        }));

        var self = Assembly.GetEntryAssembly()!.Location;
        var apps = new[] { ("bench-a", appA, "0"), ("bench-b", AppBPort, PubSubSkipped is null ? "1" : "0") }.Select(app =>
            Own(ChildProcess.StartDotnet(app.Item1, self, ["app"], new Dictionary<string, string>
            {
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{app.Item2}",
                ["BENCH_SUBSCRIBE"] = app.Item3,
            }))).ToList();
        await Task.WhenAll(apps[0].WaitReadyAsync(appA, null, TimeSpan.FromSeconds(30)), apps[1].WaitReadyAsync(AppBPort, null, TimeSpan.FromSeconds(30)));

        var environment = new Dictionary<string, string> { ["DAPR_API_TOKEN"] = ApiToken, ["FINFLOW_NAME_RESOLUTION_FILE"] = names };
        foreach (var variable in Environment.GetEnvironmentVariable("BENCH_SIDECAR_ENV")?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [])
        {
            environment[variable.Split('=')[0]] = variable.Split('=', 2)[1];
        }
        var sidecars = new[] { ("bench-a", appA, SidecarA), ("bench-b", AppBPort, sidecarB) }.Select(s => (s.Item3.Http, Own(ChildProcess.StartDotnet(
            $"{s.Item1} sidecar", SidecarAssembly,
            ["--app-id", s.Item1, "--app-port", $"{s.Item2}", "--dapr-http-port", $"{s.Item3.Http}", "--dapr-grpc-port", $"{s.Item3.Grpc}",
             "--resources-path", _directory, "--log-level", "info"],
            environment)))).ToList();
        await Task.WhenAll(sidecars.Select(s => s.Item2.WaitReadyAsync(s.Http, $"http://127.0.0.1:{s.Http}/v1.0/healthz", TimeSpan.FromSeconds(60))));
    }

    private ChildProcess Own(ChildProcess process)
    {
        _owned.Add(process);
        return process;
    }

    private void Write(string file, string content) => File.WriteAllText(Path.Combine(_directory, file), content);

    internal static string Component(string name, string type, string version, params (string Name, string Value)[] metadata) =>
        $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: {type}
          version: {version}
          metadata:
        {string.Join("\n", metadata.Select(m => $"  - name: {m.Name}\n    value: \"{m.Value}\""))}
        """;

    public async ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("BENCH_DUMP") == "1")
        {
            foreach (var process in _owned.OfType<ChildProcess>()) Console.WriteLine($"--- {process.Name} ---\n{process.Output}");
        }

        // Processes first (they hold connections), the servers last.
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
