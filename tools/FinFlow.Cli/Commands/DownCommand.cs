using FinFlow.Cli.Platform;
using FinFlow.Cli.Processes;

namespace FinFlow.Cli.Commands;

/// <summary><c>finflow down</c>: stops exactly what <c>up</c> recorded (apps, sidecars), then PostgreSQL and Redis.</summary>
public static class DownCommand
{
    public static async Task<int> RunAsync(Workspace workspace, bool quiet = false)
    {
        var records = ProcessRegistry.Load(workspace);
        // Apps first, so none of them sees its sidecar vanish mid-request.
        foreach (var record in records.Where(r => r.Kind == "app"))
        {
            await DetachedProcess.StopAsync(record, TimeSpan.FromSeconds(10));
        }

        await Task.WhenAll(records.Where(r => r.Kind == "sidecar").Select(r => DetachedProcess.StopAsync(r, TimeSpan.FromSeconds(10))));
        await PlatformInfrastructure.StopAsync(workspace);
        ProcessRegistry.Clear(workspace);
        if (!quiet) Console.Out.WriteLine(records.Count == 0 ? "nothing was running" : $"stopped {records.Count} processes");
        return 0;
    }
}
