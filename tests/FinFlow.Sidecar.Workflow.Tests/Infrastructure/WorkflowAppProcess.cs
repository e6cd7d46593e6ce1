using System.Reflection;
using FinFlow.LocalInfra;
using FinFlow.Testing;

namespace FinFlow.Sidecar.Workflow.Tests.Infrastructure;

/// <summary>
/// FinFlow.Sidecar.WorkflowApp (official Dapr.Workflow worker) as its own process, pointed at a sidecar's gRPC port.
/// Killing it is what an app crash looks like; starting it again reconnects the worker.
/// </summary>
public sealed class WorkflowAppProcess : IAsyncDisposable
{
    private readonly AppProcess _app;

    private WorkflowAppProcess(AppProcess app) => _app = app;

    public string Output => _app.Output;

    private static string AssemblyPath =>
        typeof(WorkflowAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkflowAppAssembly").Value!;

    public static async Task<WorkflowAppProcess> StartAsync(int sidecarGrpcPort, string effectsConnectionString, string? apiToken = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{sidecarGrpcPort}",
            ["WORKFLOW_TEST_DB"] = effectsConnectionString,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (apiToken is not null) environment["DAPR_API_TOKEN"] = apiToken;
        return new WorkflowAppProcess(await AppProcess.StartAsync(AssemblyPath, FreePort.Next(), environment));
    }

    /// <summary>SIGKILL: no graceful shutdown, in-flight activities die with the process.</summary>
    public Task KillAsync() => _app.KillAsync();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
