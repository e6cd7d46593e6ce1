using System.Diagnostics;
using System.Globalization;
using FinFlow.Cli.Platform;
using FinFlow.Cli.Processes;
using FinFlow.LocalInfra;
using Xunit;

namespace FinFlow.Cli.Tests;

public class LauncherForegroundTests
{
    [Fact]
    public async Task A_foreground_up_follows_logs_and_a_termination_signal_stops_everything()
    {
        using var run = new TestRunFile(("sender", Path.Combine(RepositoryLayout.Root, "tests", "FinFlow.Cli.TestApps", "Sender")));
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[CliRun.Assembly, "--file", run.RunFilePath, "up", "--no-build"]) startInfo.ArgumentList.Add(argument);
        using var launcher = Process.Start(startInfo)!;
        var error = launcher.StandardError.ReadToEndAsync();
        var output = new List<string>();
        try
        {
            while (await launcher.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is { } line)
            {
                output.Add(line);
                if (line.StartsWith("Following logs", StringComparison.Ordinal)) break;
            }

            Assert.Contains(output, line => line.Contains("sender ready", StringComparison.Ordinal));
            var records = ProcessRegistry.Load(new Workspace(run.Folder));
            Assert.All(records, record => Assert.True(ProcessTable.IsSame(record.Pid, record.StartTicks), $"{record.Name} runs"));

            // What `kill` (or Ctrl-C's SIGINT) does: the launcher shuts everything down and exits cleanly.
            await ProcessRunner.RunAsync("kill", ["-TERM", launcher.Id.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(5));
            var rest = await launcher.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
            await launcher.WaitForExitAsync();

            Assert.True(launcher.ExitCode == 0, await error);
            Assert.Contains("stopped 4 processes", rest, StringComparison.Ordinal);
            Assert.DoesNotContain(records, record => ProcessTable.IsRunning(record.Pid));
        }
        finally
        {
            if (!launcher.HasExited) launcher.Kill();
            await CliRun.RunAsync(run.RunFilePath, null, "down");
        }
    }
}
