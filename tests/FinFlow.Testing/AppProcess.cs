using System.Diagnostics;
using System.Text;

namespace FinFlow.Testing;

/// <summary>
/// A test app (an ASP.NET assembly) as its own process on a loopback port, so a test can kill it and start it
/// again where its sidecar expects it. It inherits no Dapr tokens from the test process: only the given
/// environment. Ready once <c>readinessPath</c> answers 2xx; disposing kills it.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>A client for the app's own endpoints (relative paths).</summary>
    public HttpClient Http { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static async Task<AppProcess> StartAsync(
        string assemblyPath, int port, IReadOnlyDictionary<string, string> environment, string readinessPath = "healthz")
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[assemblyPath, "--urls", $"http://127.0.0.1:{port}"]) info.ArgumentList.Add(argument);
        info.Environment.Remove("DAPR_API_TOKEN");
        info.Environment.Remove("APP_API_TOKEN");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var app = new AppProcess(Process.Start(info)!, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !app._process.HasExited)
        {
            try
            {
                using var response = await app.Http.GetAsync(readinessPath);
                if (response.IsSuccessStatusCode) return app;
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        var output = app.Output;
        await app.DisposeAsync();
        throw new InvalidOperationException($"{Path.GetFileNameWithoutExtension(assemblyPath)} did not start on port {port}:\n{output}");
    }

    /// <summary>SIGKILL: no graceful shutdown, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
