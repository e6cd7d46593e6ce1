namespace FinFlow.LocalInfra;

/// <summary>Stops servers whose owning process died without stopping them, and removes their folders.</summary>
public static class OrphanReaper
{
    public static async Task<int> ReapAsync(CancellationToken ct = default)
    {
        var reaped = 0;
        foreach (var directory in InstanceDirectory.FindOrphans())
        {
            await StopQuietlyAsync(() => PostgresServer.StopExistingAsync(directory, immediate: true));
            await StopQuietlyAsync(() => RedisServer.StopExistingAsync(directory));
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

    /// <summary>A server that cannot be stopped must not stop the new start; deleting its folder is tried anyway.</summary>
    private static async Task StopQuietlyAsync(Func<Task> stop)
    {
        try
        {
            await stop();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
        {
        }
    }
}
