using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using FinFlow.Sidecar.ActorApp.Contracts;

namespace FinFlow.Sidecar.Actors.Tests.Infrastructure;

/// <summary>FinFlow.Sidecar.ActorApp (official Dapr.Actors.AspNetCore) as its own process on a fixed loopback port. Disposing kills it.</summary>
public sealed class ActorAppProcess : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private ActorAppProcess(Process process, int port)
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
        typeof(ActorAppProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ActorAppAssembly").Value!;

    public static async Task<ActorAppProcess> StartAsync(int port, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[AssemblyPath, "--urls", $"http://127.0.0.1:{port}"]) info.ArgumentList.Add(argument);
        info.Environment.Remove("DAPR_API_TOKEN");
        info.Environment.Remove("APP_API_TOKEN");
        foreach (var (name, value) in environment) info.Environment[name] = value;
        var app = new ActorAppProcess(Process.Start(info)!, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !app._process.HasExited)
        {
            try
            {
                using var response = await app._http.GetAsync("dapr/config");
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
        throw new InvalidOperationException($"The actor app did not start on port {port}:\n{output}");
    }

    public async Task<IReadOnlyList<ActorEvent>> EventsAsync(string actorId) =>
        await _http.GetFromJsonAsync<List<ActorEvent>>($"events?actorId={Uri.EscapeDataString(actorId)}", Json) ?? [];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _http.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
