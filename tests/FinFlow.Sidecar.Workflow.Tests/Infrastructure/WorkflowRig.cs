using Dapr.Workflow;
using FinFlow.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace FinFlow.Sidecar.Workflow.Tests.Infrastructure;

/// <summary>
/// One sidecar (state.postgresql as the actor state store) and one workflow app on one database, plus the official
/// DaprWorkflowClient in the test process. Crash tests restart parts of it on the same ports and database.
/// </summary>
public sealed class WorkflowRig : IAsyncDisposable
{
    private readonly ResourceDirectory _resources = new();
    private ServiceProvider? _clientServices;

    private WorkflowRig(string connectionString, string appId, string? apiToken)
    {
        ConnectionString = connectionString;
        ApiToken = apiToken;
        Launch = new SidecarLaunch
        {
            AppId = appId,
            ResourcesPaths = [_resources.Path],
            Environment = apiToken is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["DAPR_API_TOKEN"] = apiToken },
        };
        _resources.Write("components.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: actorstore
            spec:
              type: state.postgresql
              version: v2
              initTimeout: 60s
              metadata:
              - name: connectionString
                value: "{connectionString}"
              - name: actorStateStore
                value: "true"
            """);
    }

    public string ConnectionString { get; }

    /// <summary>DAPR_API_TOKEN given to the sidecar, the app and the client (null: none).</summary>
    public string? ApiToken { get; }

    public SidecarLaunch Launch { get; private set; }

    public SidecarProcess Sidecar { get; private set; } = null!;

    public WorkflowAppProcess? App { get; private set; }

    public DaprWorkflowClient Client { get; private set; } = null!;

    /// <summary>Starts the sidecar and, unless <paramref name="withApp"/> is false (a test playing the worker itself), the app.</summary>
    public static async Task<WorkflowRig> StartAsync(string connectionString, string appId, string? apiToken = null, bool withApp = true)
    {
        var rig = new WorkflowRig(connectionString, appId, apiToken);
        try
        {
            rig.Sidecar = await SidecarProcess.StartAsync(rig.Launch);
            rig.Launch = rig.Launch with { Ports = (rig.Sidecar.HttpPort, rig.Sidecar.GrpcPort) };
            if (withApp) rig.App = await WorkflowAppProcess.StartAsync(rig.Sidecar.GrpcPort, connectionString, apiToken);
            rig.Client = CreateClient(rig.Sidecar.GrpcEndpoint, out rig._clientServices, apiToken);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILL the sidecar and start it again on the same ports and database.</summary>
    public async Task RestartSidecarAsync()
    {
        await Sidecar.KillAsync();
        await Sidecar.DisposeAsync();
        Sidecar = await SidecarProcess.StartAsync(Launch);
    }

    public async Task KillAppAsync()
    {
        if (App is not null) await App.DisposeAsync();
        App = null;
    }

    public async Task StartAppAsync() => App = await WorkflowAppProcess.StartAsync(Sidecar.GrpcPort, ConnectionString, ApiToken);

    public async Task<WorkflowState> WaitForCompletionAsync(string instanceId, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            return await Client.WaitForWorkflowCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        }
        catch (OperationCanceledException)
        {
            var state = await Client.GetWorkflowStateAsync(instanceId);
            throw new TimeoutException($"{instanceId} did not finish in {seconds}s (status {state?.RuntimeStatus}).\nSidecar:\n{Tail(Sidecar.Output)}\nApp:\n{Tail(App?.Output)}");
        }
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Rows the test app's activities wrote for an instance ("started", "done", "attempt").</summary>
    public async Task<long> CountEffectsAsync(string instanceId, string kind)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM wf_test_effects WHERE instance_id = $1 AND kind = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        // FINFLOW_TEST_LOGS=<dir> keeps each process's log for a post-mortem.
        if (Environment.GetEnvironmentVariable("FINFLOW_TEST_LOGS") is { Length: > 0 } logs && Sidecar is not null)
        {
            Directory.CreateDirectory(logs);
            await File.WriteAllTextAsync(Path.Combine(logs, $"{Launch.AppId}-sidecar.log"), Sidecar.Output);
            if (App is not null) await File.WriteAllTextAsync(Path.Combine(logs, $"{Launch.AppId}-app.log"), App.Output);
        }

        if (_clientServices is not null) await _clientServices.DisposeAsync();
        if (App is not null) await App.DisposeAsync();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        _resources.Dispose();
    }

    public static DaprWorkflowClient CreateClient(string grpcEndpoint, out ServiceProvider services, string? apiToken = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DAPR_GRPC_ENDPOINT"] = grpcEndpoint, ["DAPR_API_TOKEN"] = apiToken })
            .Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IConfiguration>(configuration);
        // Only the client is used: hosted services (the worker) never start without a host.
        collection.AddDaprWorkflow(_ => { });
        services = collection.BuildServiceProvider();
        return services.GetRequiredService<DaprWorkflowClient>();
    }

    private static string Tail(string? text) => text is null ? "(none)" : text.Length <= 4000 ? text : text[^4000..];
}
