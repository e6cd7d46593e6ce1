using Dapr.Workflow;
using Dapr.Workflow.Client;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests;

/// <summary>Terminate, suspend/resume, purge, listing and history through the official DaprWorkflowClient.</summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class WorkflowControlTests(WorkflowFixture fixture)
{
    private WorkflowRig Rig => fixture.Rig;

    private DaprWorkflowClient Client => fixture.Rig.Client;

    [Fact]
    public async Task Terminate_is_recursive_and_keeps_the_given_output()
    {
        var id = WorkflowPatternTests.NewId("term");
        var childId = id + "-child";
        await Client.ScheduleNewWorkflowAsync("ParentWorkflow", id, new { child = "EventWorkflow", value = "v", childInstanceId = childId });
        await WorkflowRig.WaitUntilAsync(async () => (await Client.GetWorkflowStateAsync(childId))?.ReadCustomStatusAs<string>() == "waiting", "the child to wait");

        await Client.TerminateWorkflowAsync(id, "stopped by test");

        var parent = await Rig.WaitForCompletionAsync(id);
        var child = await Rig.WaitForCompletionAsync(childId);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, parent.RuntimeStatus);
        Assert.Equal("stopped by test", parent.ReadOutputAs<string>());
        Assert.Equal(WorkflowRuntimeStatus.Terminated, child.RuntimeStatus);
    }

    [Fact]
    public async Task Terminate_wins_over_ContinueAsNew()
    {
        var id = WorkflowPatternTests.NewId("termcan");
        await Client.ScheduleNewWorkflowAsync("CollectorWorkflow", id, new { target = 1000, items = Array.Empty<string>() });
        await Client.WaitForWorkflowStartAsync(id);
        foreach (var item in new[] { "a", "b", "c" }) await Client.RaiseEventAsync(id, "item", item);

        await Client.TerminateWorkflowAsync(id, "enough");

        var state = await Rig.WaitForCompletionAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Terminated, state.RuntimeStatus);
        Assert.Equal("enough", state.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_suspended_instance_holds_its_events_until_it_is_resumed()
    {
        var id = WorkflowPatternTests.NewId("susp");
        await Client.ScheduleNewWorkflowAsync("EventWorkflow", id, "s");
        await WorkflowRig.WaitUntilAsync(async () => (await Client.GetWorkflowStateAsync(id))?.ReadCustomStatusAs<string>() == "waiting", "the wait to start");

        await Client.SuspendWorkflowAsync(id, "pause");
        await WorkflowRig.WaitUntilAsync(async () => (await Client.GetWorkflowStateAsync(id))?.RuntimeStatus == WorkflowRuntimeStatus.Suspended, "suspension");
        await Client.RaiseEventAsync(id, "approve", "held");
        await Task.Delay(700);
        var whileSuspended = await Client.GetWorkflowStateAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Suspended, whileSuspended!.RuntimeStatus);
        Assert.Equal("waiting", whileSuspended.ReadCustomStatusAs<string>());

        await Client.ResumeWorkflowAsync(id, "go");

        var state = await Rig.WaitForCompletionAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("s>1:held>2", state.ReadOutputAs<string>());
        var history = await Client.GetInstanceHistoryAsync(id);
        Assert.Contains(history, e => e.EventType == WorkflowHistoryEventType.ExecutionSuspended);
        Assert.Contains(history, e => e.EventType == WorkflowHistoryEventType.ExecutionResumed);
    }

    [Fact]
    public async Task Purge_deletes_a_finished_instance_and_its_children_but_refuses_a_running_one()
    {
        var id = WorkflowPatternTests.NewId("purge");
        await Client.ScheduleNewWorkflowAsync("ParentWorkflow", id, new { child = "ChainWorkflow", value = "p", childInstanceId = id + "-child" });
        var running = WorkflowPatternTests.NewId("purgerun");
        await Client.ScheduleNewWorkflowAsync("EventWorkflow", running, "r");
        await Rig.WaitForCompletionAsync(id);

        var refused = await Assert.ThrowsAsync<RpcException>(() => Client.PurgeInstanceAsync(running));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.True(await Client.PurgeInstanceAsync(id));

        Assert.False((await Client.GetWorkflowStateAsync(id))?.Exists ?? false);
        Assert.False((await Client.GetWorkflowStateAsync(id + "-child"))?.Exists ?? false);
        Assert.False(await Client.PurgeInstanceAsync(id));
        await Client.TerminateWorkflowAsync(running);
        await Rig.WaitForCompletionAsync(running);
        Assert.True(await Client.PurgeInstanceAsync(running));
    }

    [Fact]
    public async Task Instance_ids_are_listed_in_pages_and_the_history_shows_the_turns()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var id = $"list-{i}-{Guid.NewGuid():N}"[..16];
            ids.Add(id);
            await Client.ScheduleNewWorkflowAsync("ChainWorkflow", id, new { value = "l", steps = 1, delayMs = 0 });
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Client.ListInstanceIdsAsync(token, pageSize: 2);
            Assert.True(page.InstanceIds.Count <= 2);
            seen.AddRange(page.InstanceIds);
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 1000);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), ids.ToHashSet());

        await Rig.WaitForCompletionAsync(ids[0]);
        var history = await Client.GetInstanceHistoryAsync(ids[0]);
        var types = history.Select(e => e.EventType).ToList();
        Assert.Equal(WorkflowHistoryEventType.OrchestratorStarted, types[0]);
        Assert.Equal(WorkflowHistoryEventType.ExecutionStarted, types[1]);
        Assert.Equal(WorkflowHistoryEventType.TaskScheduled, types[2]);
        Assert.Equal(0, history[2].EventId);
        Assert.Equal(WorkflowHistoryEventType.ExecutionCompleted, types[^1]);
        Assert.Contains(WorkflowHistoryEventType.TaskCompleted, types);
        Assert.Equal(-1, history[0].EventId);
    }
}
