using Dapr.Workflow;
using Dapr.Workflow.Client;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests;

/// <summary>
/// Crashes (SIGKILL) of the app and of the sidecar, restarted on the same ports and database: every instance ends with
/// the output of an undisturbed run, and each activity's side effect happened exactly as often as its history says it completed.
/// </summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class WorkflowCrashTests(WorkflowFixture fixture)
{
    [Fact]
    public async Task Killing_the_app_mid_activity_re_runs_only_the_interrupted_activity()
    {
        var rig = await fixture.CreateRigAsync("wfcrashapp");
        var id = WorkflowPatternTests.NewId("appkill");
        await rig.Client.ScheduleNewWorkflowAsync("ChainWorkflow", id, new { value = "k", steps = 3, delayMs = 1500 });
        await WorkflowRig.WaitUntilAsync(async () => await rig.CountEffectsAsync(id, "started") >= 2, "the second step to start");

        await rig.KillAppAsync();
        Assert.Equal(1, await rig.CountEffectsAsync(id, "done"));
        await rig.StartAppAsync();

        var state = await rig.WaitForCompletionAsync(id, 60);
        Assert.Equal("k>1>2>3", state.ReadOutputAs<string>());
        await AssertEffectsMatchHistoryAsync(rig, id, 3);
        Assert.Equal(4, await rig.CountEffectsAsync(id, "started")); // the interrupted step ran twice, its side effect once
    }

    [Fact]
    public async Task Killing_the_sidecar_between_turns_and_while_a_timer_is_pending_loses_nothing()
    {
        var rig = await fixture.CreateRigAsync("wfcrashsidecar");
        var waiting = WorkflowPatternTests.NewId("sidewait");
        var sleeping = WorkflowPatternTests.NewId("sidetimer");
        await rig.Client.ScheduleNewWorkflowAsync("EventWorkflow", waiting, "b");
        await rig.Client.ScheduleNewWorkflowAsync("TimerWorkflow", sleeping, new { value = "t", seconds = 5.0 });
        await WorkflowRig.WaitUntilAsync(async () => (await rig.Client.GetWorkflowStateAsync(waiting))?.ReadCustomStatusAs<string>() == "waiting", "the event wait");
        await WorkflowRig.WaitUntilAsync(async () => (await rig.Client.GetInstanceHistoryAsync(sleeping)).Any(e => e.EventType == WorkflowHistoryEventType.TimerCreated), "the timer");

        // A fan-out is mid-flight (turns and activities outstanding) at the moment of the kill.
        var busy = WorkflowPatternTests.NewId("sidefan");
        await rig.Client.ScheduleNewWorkflowAsync("FanOutWorkflow", busy, 100);
        await WorkflowRig.WaitUntilAsync(async () => (await rig.Client.GetInstanceHistoryAsync(busy)).Count > 0, "the fan-out's first turn");

        // The kill must find the timer still pending, so that only the restarted sidecar can fire it.
        Assert.DoesNotContain(await rig.Client.GetInstanceHistoryAsync(sleeping), e => e.EventType == WorkflowHistoryEventType.TimerFired);
        await rig.RestartSidecarAsync();
        await rig.Client.RaiseEventAsync(waiting, "approve", "after");

        Assert.Equal("b>1:after>2", (await rig.WaitForCompletionAsync(waiting, 60)).ReadOutputAs<string>());
        Assert.Equal("t>1>2 waited=True", (await rig.WaitForCompletionAsync(sleeping, 60)).ReadOutputAs<string>());
        Assert.Equal(338350, (await rig.WaitForCompletionAsync(busy, 60)).ReadOutputAs<long>());
        await AssertEffectsMatchHistoryAsync(rig, waiting, 2);
        await AssertEffectsMatchHistoryAsync(rig, sleeping, 2);
    }

    private static async Task AssertEffectsMatchHistoryAsync(WorkflowRig rig, string instanceId, int expected)
    {
        var history = await rig.Client.GetInstanceHistoryAsync(instanceId);
        var completed = history.Count(e => e.EventType == WorkflowHistoryEventType.TaskCompleted);
        Assert.Equal(expected, completed);
        Assert.Equal(completed, await rig.CountEffectsAsync(instanceId, "done"));
    }
}
