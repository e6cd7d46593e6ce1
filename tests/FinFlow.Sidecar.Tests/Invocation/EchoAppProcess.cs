using System.Diagnostics;
using System.Reflection;
using FinFlow.LocalInfra;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>
/// tests/FinFlow.Sidecar.InvokeTestApp running as its own process on a free loopback port: it echoes
/// what it receives as JSON. Disposing kills it.
/// </summary>
public sealed class EchoAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private int _disposed;

    private EchoAppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static string AssemblyPath =>
        typeof(EchoAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "InvokeTestAppAssembly").Value!;

    public static async Task<EchoAppProcess> StartAsync(string appId)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(AssemblyPath);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        info.Environment["APP_ID"] = appId;
        var app = new EchoAppProcess(Process.Start(info)!, port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (app._process.HasExited) break;
            if (await FreePort.IsAcceptingAsync(port)) return app;
            await Task.Delay(50);
        }

        await app.DisposeAsync();
        throw new InvalidOperationException($"The echo app '{appId}' did not start listening on {port}.");
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };

    public async Task<int> HitsAsync(string key)
    {
        using var http = CreateHttpClient();
        return int.Parse(await http.GetStringAsync($"/_test/hits?key={Uri.EscapeDataString(key)}"), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task SetHealthyAsync(bool healthy)
    {
        using var http = CreateHttpClient();
        using var response = await http.PostAsync($"/_test/health/{(healthy ? "true" : "false")}", null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        // Tests kill an app on purpose; the fixture disposes it again at the end.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
