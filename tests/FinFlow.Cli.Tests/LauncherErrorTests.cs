using System.Net;
using System.Net.Sockets;
using FinFlow.Cli.Processes;
using FinFlow.LocalInfra;
using Xunit;

namespace FinFlow.Cli.Tests;

public class LauncherErrorTests
{
    [Fact]
    public async Task A_malformed_run_file_is_named_with_its_line_and_nothing_starts()
    {
        using var run = new TestRunFile();
        run.Write("version: 1\napps:\n  - appID: sender\n    appPort: [oops\n");

        var (exitCode, _, error) = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("finflow: dapr.yaml: line ", line, StringComparison.Ordinal);
        AssertNothingRunning(run);
    }

    [Fact]
    public async Task A_run_file_without_ports_is_refused()
    {
        using var run = new TestRunFile();
        run.Write("version: 1\napps:\n  - appID: sender\n    appDirPath: .\n");

        var (exitCode, _, error) = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");

        Assert.Equal(1, exitCode);
        Assert.Equal("finflow: dapr.yaml: apps[0]: 'appPort' is required by the FinFlow launcher", error.Trim());
    }

    [Fact]
    public async Task A_port_already_taken_is_named_and_nothing_starts()
    {
        using var run = new TestRunFile();
        using var squatter = new TcpListener(IPAddress.Loopback, run.Ports[4]);
        squatter.Start();

        var (exitCode, _, error) = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");

        Assert.Equal(1, exitCode);
        Assert.Equal($"finflow: port {run.Ports[4]} (sidecar HTTP port of 'receiver') is already in use; stop what holds it or change dapr.yaml", error.Trim());
        AssertNothingRunning(run);
    }

    [Fact]
    public async Task A_missing_postgresql_names_the_package_and_nothing_is_left_running()
    {
        using var run = new TestRunFile();
        var dotnetDirectory = Path.GetDirectoryName(Environment.ProcessPath)!;
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = $"{dotnetDirectory}:/bin:/usr/bin:/usr/sbin",
            ["FINFLOW_POSTGRES_LIB"] = "/nonexistent-postgresql",
        };
        // Only when pg_ctl is not in /usr/bin itself does the override hide PostgreSQL.
        Assert.Null(BinaryLocator.FindOnPath("pg_ctl", "/bin:/usr/bin:/usr/sbin"));

        var (exitCode, _, error) = await CliRun.RunAsync(run.RunFilePath, environment, "up", "--detach", "--no-build");

        Assert.Equal(1, exitCode);
        Assert.Equal("finflow: PostgreSQL server (initdb, pg_ctl) was not found: install it with `sudo apt-get install -y postgresql`.", error.Trim());
        AssertNothingRunning(run);
    }

    [Fact]
    public async Task An_app_that_fails_to_start_is_named_with_its_log_and_everything_is_stopped()
    {
        using var run = new TestRunFile();
        run.Write($"""
            version: 1
            common:
              resourcesPaths: [resources]
            apps:
              - appID: crasher
                appDirPath: {run.Folder}
                appPort: {run.Ports[0]}
                daprHTTPPort: {run.Ports[1]}
                daprGRPCPort: {run.Ports[2]}
                command: ["sh", "-c", "echo boom: no configuration; exit 3"]
            """);

        var (exitCode, _, error) = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("finflow: crasher exited; its last log lines", error, StringComparison.Ordinal);
        Assert.Contains("boom: no configuration", error, StringComparison.Ordinal);
        AssertNothingRunning(run);
    }

    private static void AssertNothingRunning(TestRunFile run)
    {
        var workspace = new Workspace(run.Folder);
        Assert.DoesNotContain(ProcessRegistry.Load(workspace), r => ProcessTable.IsRunning(r.Pid));
        Assert.False(File.Exists(Path.Combine(workspace.PostgresDirectory, "data", "postmaster.pid")));
        Assert.False(File.Exists(Path.Combine(workspace.RedisDirectory, "redis.pid")) && File.ReadAllText(Path.Combine(workspace.RedisDirectory, "redis.pid")).Trim() is var pid && ProcessTable.IsRunning(int.Parse(pid, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
