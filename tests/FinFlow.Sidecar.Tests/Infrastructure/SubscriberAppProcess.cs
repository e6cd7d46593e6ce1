using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace FinFlow.Sidecar.Tests.Infrastructure;

/// <summary>
/// FinFlow.Sidecar.TestApp (a Dapr.AspNetCore subscriber) as its own process on a fixed loopback port, so a
/// test can kill it and start it again where the sidecar expects it. Disposing kills it.
/// </summary>
public sealed class SubscriberAppProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private SubscriberAppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private static string AssemblyPath =>
        typeof(SubscriberAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "TestAppAssembly").Value!;

    public static async Task<SubscriberAppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[AssemblyPath, "--urls", $"http://127.0.0.1:{port}"]) info.ArgumentList.Add(argument);
        info.Environment.Remove("DAPR_API_TOKEN");
        info.Environment.Remove("APP_API_TOKEN");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var app = new SubscriberAppProcess(Process.Start(info)!, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (app._process.HasExited) break;
            try
            {
                using var response = await app._http.GetAsync("healthz");
                if (response.IsSuccessStatusCode) return app;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        var output = app.Output;
        await app.DisposeAsync();
        throw new InvalidOperationException($"The test app did not start on port {port}:\n{output}");
    }

    public async Task<IReadOnlyList<ReceivedDelivery>> ReceivedAsync() =>
        await _http.GetFromJsonAsync<List<ReceivedDelivery>>("received", Json) ?? [];

    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
