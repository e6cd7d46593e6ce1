using System.Diagnostics;
using System.Globalization;

namespace FinFlow.LocalInfra;

/// <summary>Stops servers whose owning process died without stopping them, and removes their folders.</summary>
public static class OrphanReaper
{
    public static async Task<int> ReapAsync(CancellationToken ct = default)
    {
        var reaped = 0;
        foreach (var directory in InstanceDirectory.FindOrphans())
        {
            await StopPostgresAsync(directory, ct);
            StopRedis(directory);
            if (await TryDeleteAsync(directory, ct)) reaped++;
        }

        return reaped;
    }

    private static async Task<bool> TryDeleteAsync(string directory, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A server that just died may still be closing files, or another starter is reaping the same folder.
                await Task.Delay(100, ct);
            }
        }

        return false;
    }

    private static async Task StopPostgresAsync(string directory, CancellationToken ct)
    {
        var data = Path.Combine(directory, "data");
        if (!File.Exists(Path.Combine(data, "postmaster.pid"))) return;
        var pgCtl = Path.Combine(BinaryLocator.PostgresBinDirectory(), "pg_ctl");
        await ServerAccount.ForPostgres().RunAsync(pgCtl, ["stop", "-D", data, "-m", "immediate", "-w"], TimeSpan.FromSeconds(60), ct);
    }

    private static void StopRedis(string directory)
    {
        var pidFile = Path.Combine(directory, "redis.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture, out var pid)) return;
        try
        {
            using var process = Process.GetProcessById(pid);
            // Only kill what is still the redis-server of this folder, never a reused pid.
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            if (!commandLine.Contains("redis-server", StringComparison.Ordinal)) return;
            process.Kill();
            // The folder is deleted next: wait until the server can no longer write into it.
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException)
        {
        }
    }
}
