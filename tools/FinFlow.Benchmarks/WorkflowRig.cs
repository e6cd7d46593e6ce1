using FinFlow.LocalInfra;

namespace FinFlow.Benchmarks;

/// <summary>
/// What the workflow suite runs against: a private PostgreSQL holding the actor state store, the
/// <see cref="WorkflowBenchApp"/> process, and one FinFlow.Sidecar process in front of it, sharing an API token.
/// </summary>
public sealed class WorkflowRig : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "finflow-benchmarks", Guid.NewGuid().ToString("N"));

    private WorkflowRig()
    {
    }

    public int HttpPort { get; private set; }

    public int GrpcPort { get; private set; }

    public static async Task<WorkflowRig> StartAsync()
    {
        if (!File.Exists(Topology.SidecarAssembly)) throw new FileNotFoundException($"{Topology.SidecarAssembly} is missing; build first: dotnet build -c Release tools/FinFlow.Benchmarks");
        var rig = new WorkflowRig();
        try
        {
            await rig.StartProcessesAsync();
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    private async Task StartProcessesAsync()
    {
        Directory.CreateDirectory(_directory);
        var postgres = await PostgresServer.StartAsync();
        _owned.Add(postgres);
        var database = await postgres.CreateScratchDatabaseAsync("wfbench");
        await File.WriteAllTextAsync(Path.Combine(_directory, "state.yaml"),
            Topology.Component("statestore", "state.postgresql", "v2", ("connectionString", database), ("actorStateStore", "true")));

        var appPort = FreePort.Next();
        (HttpPort, GrpcPort) = (FreePort.Next(), FreePort.Next());
        var app = Own(ChildProcess.StartDotnet("workflow app", typeof(WorkflowRig).Assembly.Location, ["workflow-app"], new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
            ["DAPR_HTTP_PORT"] = $"{HttpPort}",
            ["DAPR_GRPC_PORT"] = $"{GrpcPort}",
            ["DAPR_API_TOKEN"] = Topology.ApiToken,
        }));
        await app.WaitReadyAsync(appPort, null, TimeSpan.FromSeconds(30));
        var sidecar = Own(ChildProcess.StartDotnet("workflow sidecar", Topology.SidecarAssembly,
            ["--app-id", "wfbench", "--app-port", $"{appPort}", "--dapr-http-port", $"{HttpPort}", "--dapr-grpc-port", $"{GrpcPort}",
             "--resources-path", _directory, "--log-level", "warn"],
            new Dictionary<string, string> { ["DAPR_API_TOKEN"] = Topology.ApiToken }));
        await sidecar.WaitReadyAsync(HttpPort, $"http://127.0.0.1:{HttpPort}/v1.0/healthz", TimeSpan.FromSeconds(60));
    }

    private ChildProcess Own(ChildProcess process)
    {
        _owned.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        // Processes before the database they use, in reverse order of start.
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
