using System.Net;
using System.Net.Http.Json;
using FinFlow.Cli.Processes;
using FinFlow.LocalInfra;
using Xunit;

namespace FinFlow.Cli.Tests;

/// <summary>
/// The launcher with two real apps and real sidecars, PostgreSQL and Redis: state, an event and an
/// invocation cross the apps; down leaves nothing; up again finds the state and the unprocessed event.
/// </summary>
public class LauncherEndToEndTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Up_down_up_keeps_state_and_unprocessed_events()
    {
        using var run = new TestRunFile();
        var workspace = new Workspace(run.Folder);
        try
        {
            await UpAsync(run);
            var status = await CliRun.RunAsync(run.RunFilePath, null, "status");
            Assert.True(status.ExitCode == 0, status.Output);
            Assert.Equal(6, status.Output.Split('\n').Count(line => line.Contains("healthy", StringComparison.Ordinal)));

            // State saved and an event published by the sender; the receiver stores it; the sender sees that by invocation.
            Assert.Equal(HttpStatusCode.Accepted, (await Http.PostAsJsonAsync($"{run.AppUrl(0)}/orders", new { id = "A-1", amount = 12.5m })).StatusCode);
            await EventuallyAsync(() => DeliveredAsync(run, "A-1"));

            // An event the receiver refuses (RETRY) stays unacknowledged in Redis across down and up.
            await Http.PostAsync($"{run.AppUrl(1)}/pause", null);
            await Http.PostAsJsonAsync($"{run.AppUrl(0)}/orders", new { id = "B-2", amount = 7m });
            await Task.Delay(1000);
            Assert.False(await DeliveredAsync(run, "B-2"));

            var records = ProcessRegistry.Load(workspace);
            Assert.Equal(0, (await CliRun.RunAsync(run.RunFilePath, null, "down")).ExitCode);
            Assert.DoesNotContain(records, r => ProcessTable.IsRunning(r.Pid));

            await UpAsync(run);
            var order = await Http.GetFromJsonAsync<Dictionary<string, object>>($"{run.AppUrl(0)}/orders/A-1");
            Assert.Equal("A-1", order!["id"].ToString());
            await EventuallyAsync(() => DeliveredAsync(run, "B-2"));
            Assert.True(await DeliveredAsync(run, "A-1"));
        }
        finally
        {
            await CliRun.RunAsync(run.RunFilePath, null, "down");
        }

        Assert.DoesNotContain(ProcessRegistry.Load(workspace), r => ProcessTable.IsRunning(r.Pid));
    }

    private static async Task UpAsync(TestRunFile run)
    {
        var (exitCode, output, error) = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");
        Assert.True(exitCode == 0, $"up failed: {error}\n{output}");
    }

    private static async Task<bool> DeliveredAsync(TestRunFile run, string orderId) =>
        await Http.GetFromJsonAsync<bool>($"{run.AppUrl(0)}/orders/{orderId}/delivered");

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 30 s");
            await Task.Delay(250);
        }
    }
}
