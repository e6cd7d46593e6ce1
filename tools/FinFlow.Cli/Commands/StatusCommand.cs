using FinFlow.Cli.Processes;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Commands;

/// <summary><c>finflow status</c>: each recorded process, its port, whether it runs and whether it is healthy.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(Workspace workspace)
    {
        var records = ProcessRegistry.Load(workspace);
        if (records.Count == 0)
        {
            Console.Out.WriteLine("FinFlow is not running (./finflow up starts it)");
            return 0;
        }

        Console.Out.WriteLine($"{"NAME",-24} {"KIND",-9} {"PID",8} {"PORT",6}  STATE");
        var allHealthy = true;
        foreach (var record in records)
        {
            var running = ProcessTable.IsSame(record.Pid, record.StartTicks);
            var healthy = running && (record.HealthUrl.Length == 0 || await ReadinessProbe.IsHealthyAsync(record.HealthUrl));
            allHealthy &= healthy;
            var state = !running ? "stopped" : healthy ? "healthy" : "unhealthy";
            Console.Out.WriteLine($"{record.Name,-24} {record.Kind,-9} {record.Pid,8} {record.Port,6}  {state}");
        }

        return allHealthy ? 0 : 1;
    }
}
