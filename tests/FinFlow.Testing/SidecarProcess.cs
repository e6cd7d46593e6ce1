using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text;
using Dapr.Client;
using FinFlow.LocalInfra;

namespace FinFlow.Testing;

/// <summary>
/// FinFlow.Sidecar running as its own process (<c>dotnet FinFlow.Sidecar.dll ...</c>) on free loopback
/// ports, exactly as the launcher runs it. Disposing kills it.
/// </summary>
public sealed class SidecarProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SidecarProcess(Process process, int httpPort, int grpcPort)
    {
        _process = process;
        HttpPort = httpPort;
        GrpcPort = grpcPort;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int GrpcPort { get; }

    public string HttpEndpoint => $"http://127.0.0.1:{HttpPort}";

    public string GrpcEndpoint => $"http://127.0.0.1:{GrpcPort}";

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Path of the built sidecar; FINFLOW_SIDECAR_DLL overrides the one recorded at build time.</summary>
    public static string AssemblyPath =>
        Environment.GetEnvironmentVariable("FINFLOW_SIDECAR_DLL") is { Length: > 0 } overridden
            ? overridden
            : typeof(SidecarProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SidecarAssembly").Value!;

    public static async Task<SidecarProcess> StartAsync(SidecarLaunch launch)
    {
        var (http, grpc) = launch.Ports ?? (FreePort.Next(), FreePort.Next());
        var sidecar = new SidecarProcess(Process.Start(StartInfo(launch, http, grpc))!, http, grpc);
        try
        {
            await sidecar.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
            return sidecar;
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs a sidecar that is expected to stop by itself (e.g. refused configuration).</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(SidecarLaunch launch, TimeSpan timeout)
    {
        await using var sidecar = new SidecarProcess(Process.Start(StartInfo(launch, FreePort.Next(), FreePort.Next()))!, 0, 0);
        using var cts = new CancellationTokenSource(timeout);
        await sidecar._process.WaitForExitAsync(cts.Token);
        sidecar._process.WaitForExit(); // drains the redirected streams
        return (sidecar._process.ExitCode, sidecar.Output);
    }

    public DaprClient CreateClient(string? apiToken = null)
    {
        var builder = new DaprClientBuilder().UseHttpEndpoint(HttpEndpoint).UseGrpcEndpoint(GrpcEndpoint);
        if (apiToken is not null) builder.UseDaprApiToken(apiToken);
        return builder.Build();
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(HttpEndpoint), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>SIGKILL, no graceful shutdown: what a crash looks like.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The sidecar exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync($"{HttpEndpoint}/v1.0/healthz");
                if (response.StatusCode == HttpStatusCode.NoContent) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too slow to answer on a loaded machine: ask again until the deadline.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The sidecar did not become healthy within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static ProcessStartInfo StartInfo(SidecarLaunch launch, int http, int grpc)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        List<string> arguments = [AssemblyPath, "--app-id", launch.AppId, "--dapr-http-port", $"{http}", "--dapr-grpc-port", $"{grpc}"];
        foreach (var path in launch.ResourcesPaths) arguments.AddRange(["--resources-path", path]);
        if (launch.ConfigFile is not null) arguments.AddRange(["--config", launch.ConfigFile]);
        arguments.AddRange(launch.ExtraArguments);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        // The test process may itself carry Dapr variables; the sidecar must only see what the test gives it.
        info.Environment.Remove("DAPR_API_TOKEN");
        info.Environment.Remove("APP_API_TOKEN");
        foreach (var (name, value) in launch.Environment) info.Environment[name] = value;
        return info;
    }
}
