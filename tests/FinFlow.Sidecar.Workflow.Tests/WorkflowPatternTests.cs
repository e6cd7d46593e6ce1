using Dapr.Workflow;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests;

/// <summary>Workflow patterns written with the official Dapr.Workflow 1.18.7, run by the engine against a real worker.</summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class WorkflowPatternTests(WorkflowFixture fixture)
{
    private WorkflowRig Rig => fixture.Rig;

    private DaprWorkflowClient Client => fixture.Rig.Client;

    [Fact]
    public async Task A_chain_of_activities_completes_with_each_result_fed_to_the_next()
    {
        var id = NewId("chain");
        await Client.ScheduleNewWorkflowAsync("ChainWorkflow", id, new { value = "a", steps = 3, delayMs = 0 });

        var state = await Rig.WaitForCompletionAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("a>1>2>3", state.ReadOutputAs<string>());
        Assert.Equal("step 3", state.ReadCustomStatusAs<string>());
        Assert.Equal(3, await Rig.CountEffectsAsync(id, "done"));
    }

    [Fact]
    public async Task A_fan_out_of_100_activities_fans_in_to_their_sum()
    {
        var id = NewId("fan");
        await Client.ScheduleNewWorkflowAsync("FanOutWorkflow", id, 100);

        var state = await Rig.WaitForCompletionAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal(Enumerable.Range(1, 100).Sum(i => (long)i * i), state.ReadOutputAs<long>());
        var history = await Client.GetInstanceHistoryAsync(id);
        Assert.Equal(100, history.Count(e => e.EventType == Dapr.Workflow.Client.WorkflowHistoryEventType.TaskCompleted));
    }

    [Fact]
    public async Task A_durable_timer_delays_the_workflow_and_moves_its_replayed_clock()
    {
        var id = NewId("timer");
        var started = DateTime.UtcNow;
        await Client.ScheduleNewWorkflowAsync("TimerWorkflow", id, new { value = "t", seconds = 2.0 });

        var state = await Rig.WaitForCompletionAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("t>1>2 waited=True", state.ReadOutputAs<string>());
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(2), "the timer fired early");
        var history = await Client.GetInstanceHistoryAsync(id);
        Assert.Contains(history, e => e.EventType == Dapr.Workflow.Client.WorkflowHistoryEventType.TimerFired);
    }

    [Fact]
    public async Task An_external_event_is_delivered_whether_raised_before_or_after_the_wait_starts()
    {
        var early = NewId("early");
        var late = NewId("late");
        await Client.ScheduleNewWorkflowAsync("EventWorkflow", early, "e");
        await Client.RaiseEventAsync(early, "approve", "yes"); // before the first activity has even finished
        await Client.ScheduleNewWorkflowAsync("EventWorkflow", late, "l");
        await WorkflowRig.WaitUntilAsync(
            async () => (await Client.GetWorkflowStateAsync(late))?.ReadCustomStatusAs<string>() == "waiting", "the wait to start");
        await Client.RaiseEventAsync(late, "approve", "ok");

        Assert.Equal("e>1:yes>2", (await Rig.WaitForCompletionAsync(early)).ReadOutputAs<string>());
        Assert.Equal("l>1:ok>2", (await Rig.WaitForCompletionAsync(late)).ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_child_workflow_returns_its_output_to_the_parent()
    {
        var id = NewId("parent");
        await Client.ScheduleNewWorkflowAsync("ParentWorkflow", id, new { child = "ChainWorkflow", value = "c", childInstanceId = id + "-child" });

        var state = await Rig.WaitForCompletionAsync(id);

        Assert.Equal("parent(c>1>2>3)", state.ReadOutputAs<string>());
        var child = await Client.GetWorkflowStateAsync(id + "-child");
        Assert.Equal(WorkflowRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("c>1>2>3", child.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_failing_activity_is_retried_by_the_workers_retry_policy_through_durable_timers()
    {
        var succeeds = NewId("retry");
        var exhausted = NewId("retryx");
        await Client.ScheduleNewWorkflowAsync("RetryWorkflow", succeeds, 3);
        await Client.ScheduleNewWorkflowAsync("RetryWorkflow", exhausted, 10);

        var ok = await Rig.WaitForCompletionAsync(succeeds);
        var failed = await Rig.WaitForCompletionAsync(exhausted);

        Assert.Equal(3, ok.ReadOutputAs<long>());
        Assert.Equal(3, await Rig.CountEffectsAsync(succeeds, "attempt"));
        Assert.Equal(WorkflowRuntimeStatus.Failed, failed.RuntimeStatus);
        Assert.Equal(4, await Rig.CountEffectsAsync(exhausted, "attempt"));
        Assert.Contains("fails on purpose", failed.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        var history = await Client.GetInstanceHistoryAsync(succeeds);
        Assert.Equal(2, history.Count(e => e.EventType == Dapr.Workflow.Client.WorkflowHistoryEventType.TaskFailed));
        Assert.Equal(2, history.Count(e => e.EventType == Dapr.Workflow.Client.WorkflowHistoryEventType.TimerFired));
    }

    [Fact]
    public async Task ContinueAsNew_carries_unprocessed_events_into_the_next_execution()
    {
        // A scheduled start one second ahead lets all three events wait in the inbox, so the first execution receives
        // them together, consumes one and must carry the other two over.
        var id = NewId("collect");
        await Client.ScheduleNewWorkflowAsync("CollectorWorkflow", id, new { target = 3, items = Array.Empty<string>() }, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(WorkflowRuntimeStatus.Pending, (await Client.GetWorkflowStateAsync(id))!.RuntimeStatus);
        foreach (var item in new[] { "x", "y", "z" }) await Client.RaiseEventAsync(id, "item", item);

        var startedState = await Client.WaitForWorkflowStartAsync(id);
        Assert.NotEqual(WorkflowRuntimeStatus.Pending, startedState.RuntimeStatus);
        var state = await Rig.WaitForCompletionAsync(id);

        Assert.Equal("x,y,z", state.ReadOutputAs<string>());
        var history = await Client.GetInstanceHistoryAsync(id);
        Assert.Single(history, e => e.EventType == Dapr.Workflow.Client.WorkflowHistoryEventType.ExecutionStarted);
    }

    [Fact]
    public async Task An_unknown_workflow_name_fails_the_instance_with_the_workers_error()
    {
        var id = NewId("unknown");
        await Client.ScheduleNewWorkflowAsync("NoSuchWorkflow", id, "x");

        var state = await Rig.WaitForCompletionAsync(id);

        Assert.Equal(WorkflowRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.Equal("WorkflowNotFound", state.FailureDetails!.ErrorType);
        Assert.Contains("NoSuchWorkflow", state.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    internal static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];
}
