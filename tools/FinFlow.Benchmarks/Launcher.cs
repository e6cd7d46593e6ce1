using System.Diagnostics;

namespace FinFlow.Benchmarks;

/// <summary>Runs the built launcher (<c>tools/FinFlow.Cli</c>, <c>finflow.dll</c>) as its own process on a run file, as ./finflow does.</summary>
public static class Launcher
{
    /// <summary>Runs one launcher command to its end (or the timeout); returns its exit code and its output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string runFile, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])[RepositoryPaths.Launcher, "--file", runFile, .. arguments]) info.ArgumentList.Add(argument);
        // The apps get their tokens and ports from the launcher, never from whatever this shell has.
        foreach (var variable in new[] { "DAPR_API_TOKEN", "APP_API_TOKEN", "DAPR_HTTP_PORT", "DAPR_GRPC_PORT" }) info.Environment.Remove(variable);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the launcher");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            // Not the interruption token: once started, a launcher command (above all `down`) is let finish.
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            var text = (await output) + (await error);
            return (-1, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"timed out after {timeout.TotalSeconds:0} s\n{text}"));
        }

        return (process.ExitCode, (await output) + (await error));
    }

    /// <summary>
    /// Ends a suite's platform: on failure first the last lines of each app's and sidecar's log (before the temporary
    /// folder goes), then the launcher's <c>down</c>, whose own failure is reported with where its processes are listed.
    /// </summary>
    public static async Task StopPlatformAsync(string runFile, string runFolder, string logsFolder, bool printLogs)
    {
        if (printLogs) PrintLogTails(logsFolder);
        Console.WriteLine("Stopping the platform (launcher down)...");
        var (downCode, downOutput) = await RunAsync(runFile, TimeSpan.FromMinutes(2), "down");
        if (downCode != 0) await Console.Error.WriteLineAsync($"The launcher's down failed ({downCode}); its processes are listed in {runFolder}/.finflow/run:\n{downOutput}");
    }

    private static void PrintLogTails(string logsFolder)
    {
        if (!Directory.Exists(logsFolder)) return;
        foreach (var log in Directory.GetFiles(logsFolder, "*.log").Order(StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"--- {Path.GetFileName(log)} (last 15 lines) ---");
            foreach (var line in File.ReadAllLines(log).TakeLast(15)) Console.Error.WriteLine(line.Length > 400 ? line[..400] : line);
        }
    }
}
