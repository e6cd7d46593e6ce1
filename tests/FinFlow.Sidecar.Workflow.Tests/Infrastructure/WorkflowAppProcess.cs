using System.Diagnostics;
using System.Reflection;
using System.Text;
using FinFlow.LocalInfra;

namespace FinFlow.Sidecar.Workflow.Tests.Infrastructure;

/// <summary>
/// FinFlow.Sidecar.WorkflowApp (official Dapr.Workflow worker) as its own process, pointed at a sidecar's gRPC port.
/// Killing it is what an app crash looks like; starting it again reconnects the worker.
/// </summary>
public sealed class WorkflowAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private WorkflowAppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private static string AssemblyPath =>
        typeof(WorkflowAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "WorkflowAppAssembly").Value!;

    public static async Task<WorkflowAppProcess> StartAsync(int sidecarGrpcPort, string effectsConnectionString, string? apiToken = null)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[AssemblyPath, "--urls", $"http://127.0.0.1:{port}"]) info.ArgumentList.Add(argument);
        info.Environment.Remove("DAPR_API_TOKEN");
        if (apiToken is not null) info.Environment["DAPR_API_TOKEN"] = apiToken;
        info.Environment["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{sidecarGrpcPort}";
        info.Environment["WORKFLOW_TEST_DB"] = effectsConnectionString;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var app = new WorkflowAppProcess(Process.Start(info)!);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !app._process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/healthz");
                if (response.IsSuccessStatusCode) return app;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        var output = app.Output;
        await app.DisposeAsync();
        throw new InvalidOperationException($"The workflow app did not start:\n{output}");
    }

    /// <summary>SIGKILL: no graceful shutdown, in-flight activities die with the process.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
