using System.Diagnostics;
using System.Text;
using FinFlow.LocalInfra;

namespace FinFlow.Benchmarks;

/// <summary>A process the benchmark starts (sidecar or tiny app); its output is kept for error messages; disposing kills it.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public static ChildProcess StartDotnet(string name, string assembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(assembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var variable in new[] { "DAPR_API_TOKEN", "APP_API_TOKEN", "DAPR_HTTP_PORT", "DAPR_GRPC_PORT" }) info.Environment.Remove(variable);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        return new ChildProcess(name, Process.Start(info) ?? throw new InvalidOperationException($"could not start {name}"));
    }

    /// <summary>Waits until the port accepts connections (apps) or the URL answers 2xx (sidecar health).</summary>
    public async Task WaitReadyAsync(int port, string? healthUrl, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Output}");
            if (healthUrl is null ? await FreePort.IsAcceptingAsync(port) : await IsHealthyAsync(http, healthUrl)) return;
            await Task.Delay(50);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}:\n{Output}");
    }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static async Task<bool> IsHealthyAsync(HttpClient http, string url)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(url));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output)
        {
            // Only the tail matters for a failure message; a sidecar at info level would otherwise grow it forever.
            if (_output.Length > 64_000) _output.Remove(0, 32_000);
            _output.AppendLine(line);
        }
    }
}
