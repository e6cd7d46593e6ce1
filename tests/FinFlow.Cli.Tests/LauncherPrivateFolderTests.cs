using FinFlow.Cli.Platform;
using Xunit;

namespace FinFlow.Cli.Tests;

public class LauncherPrivateFolderTests
{
    [Fact]
    public async Task A_checkout_the_postgres_account_cannot_reach_still_keeps_its_cluster_across_down_and_up()
    {
        using var run = new TestRunFile();
        run.Write("version: 1\ncommon:\n  resourcesPaths: [resources]\napps: []\n");
        // Like a clone under /root (mode 0700) when the launcher runs as root and PostgreSQL as `postgres`.
        File.SetUnixFileMode(run.Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var workspace = new Workspace(run.Folder);
        try
        {
            Assert.Equal(0, (await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build")).ExitCode);
            var cluster = PostgresDataHome.Resolve(workspace);
            Assert.Equal(0, (await CliRun.RunAsync(run.RunFilePath, null, "down")).ExitCode);
            var again = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");
            Assert.True(again.ExitCode == 0, again.Error);
            Assert.Equal(cluster, PostgresDataHome.Resolve(workspace));
            Assert.True(File.Exists(Path.Combine(cluster, "data", "PG_VERSION")));

            Assert.Equal(0, (await CliRun.RunAsync(run.RunFilePath, null, "reset", "--yes")).ExitCode);
            Assert.False(Directory.Exists(cluster));
            Assert.False(Directory.Exists(workspace.Root));
        }
        finally
        {
            await CliRun.RunAsync(run.RunFilePath, null, "down");
        }
    }
}
