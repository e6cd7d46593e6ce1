using FinFlow.Cli.Terminal;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Processes;

/// <summary>Waits until a started process answers its health URL with 2xx; fails fast, with its last log lines, if it dies.</summary>
public static class ReadinessProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    public static async Task WaitAsync(ProcessRecord record, string logFile, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (!ProcessTable.IsSame(record.Pid, record.StartTicks)) throw Failure(record, logFile, "exited");
            if (await IsHealthyAsync(record.HealthUrl, cancellationToken)) return;
            if (DateTime.UtcNow > deadline) throw Failure(record, logFile, $"was not healthy at {record.HealthUrl} within {timeout.TotalSeconds:0} s");
            await Task.Delay(250, cancellationToken);
        }
    }

    public static async Task<bool> IsHealthyAsync(string url, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await Http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static CliException Failure(ProcessRecord record, string logFile, string what)
    {
        var tail = string.Join(Environment.NewLine, LogFollower.LastLines(logFile, 20).Select(line => "    " + line));
        return new CliException($"{record.Name} {what}; its last log lines ({logFile}):{Environment.NewLine}{tail}");
    }
}
