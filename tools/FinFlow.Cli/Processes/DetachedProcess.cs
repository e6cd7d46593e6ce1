using System.Diagnostics;
using System.Globalization;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Processes;

/// <summary>
/// Starts a program in its own session (so Ctrl-C in the launcher's terminal does not hit it
/// directly and <c>down</c> can signal its whole process group), with output appended to a log file.
/// </summary>
public static class DetachedProcess
{
    // setsid and sh both exec in place: the pid returned is the program's own and its process group id.
    private const string Redirect = "exec \"$0\" \"$@\" >>\"$FINFLOW_LOG_FILE\" 2>&1 </dev/null";

    public static (int Pid, string? StartTicks) Start(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var argument in (string[])["/bin/sh", "-c", Redirect, program, .. arguments]) startInfo.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) startInfo.Environment[key] = value;
        startInfo.Environment["FINFLOW_LOG_FILE"] = logFile;
        using var process = Process.Start(startInfo) ?? throw new CliException($"could not start {program}");
        return (process.Id, ProcessTable.StartTicks(process.Id));
    }

    /// <summary>SIGTERM to the process group, then SIGKILL if it has not exited in time.</summary>
    public static async Task StopAsync(ProcessRecord record, TimeSpan grace)
    {
        if (!ProcessTable.IsSame(record.Pid, record.StartTicks)) return;
        var group = "-" + record.Pid.ToString(CultureInfo.InvariantCulture);
        await ProcessRunner.RunAsync("kill", ["-TERM", "--", group], TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < deadline && ProcessTable.IsRunning(record.Pid)) await Task.Delay(100);
        if (ProcessTable.IsRunning(record.Pid)) await ProcessRunner.RunAsync("kill", ["-KILL", "--", group], TimeSpan.FromSeconds(5));
    }
}
