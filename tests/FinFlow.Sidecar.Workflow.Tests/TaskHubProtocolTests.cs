using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests;

/// <summary>
/// The test plays the worker over raw TaskHubSidecarService calls (no app connected), to pin the protocol of contract
/// §7.4–7.5: newEvents start with workflowStarted (eventId -1, now), actions become events with the action id,
/// activities carry taskId = action id, duplicates are ignored, and items of a dropped stream are sent again.
/// </summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class TaskHubProtocolTests(WorkflowFixture fixture)
{
    [Fact]
    public async Task A_raw_worker_sees_the_replay_protocol_and_both_completion_rpcs_work()
    {
        var rig = await fixture.CreateRigAsync("wfraw", withApp: false);
        using var channel = GrpcChannel.ForAddress(rig.Sidecar.GrpcEndpoint);
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        await client.StartInstanceAsync(new CreateInstanceRequest { InstanceId = "raw-1", Name = "Raw", Input = "\"in\"" });

        using (var stream = client.GetWorkItems(new GetWorkItemsRequest()))
        {
            var first = await NextAsync(stream);
            var turn = first.WorkflowRequest;
            Assert.Empty(turn.PastEvents);
            Assert.NotNull(turn.NewEvents[0].WorkflowStarted);
            Assert.Equal(-1, turn.NewEvents[0].EventId);
            Assert.InRange(turn.NewEvents[0].Timestamp.ToDateTime(), DateTime.UtcNow.AddSeconds(-30), DateTime.UtcNow.AddSeconds(1));
            Assert.Equal("Raw", turn.NewEvents[1].ExecutionStarted.Name);
            Assert.Equal("\"in\"", turn.NewEvents[1].ExecutionStarted.Input);
            var schedule = new WorkflowResponse { InstanceId = "raw-1", CompletionToken = first.CompletionToken, CustomStatus = "\"busy\"" };
            schedule.Actions.Add(new WorkflowAction { Id = 0, ScheduleTask = new ScheduleTaskAction { Name = "act", Input = "1", TaskExecutionId = "exec-0" } });
            await client.CompleteWorkflowTaskAsync(schedule);

            var activity = (await NextAsync(stream)).ActivityRequest;
            Assert.Equal(("act", 0, "raw-1", "1"), (activity.Name, activity.TaskId, activity.WorkflowInstance.InstanceId, activity.Input));
        }

        // The stream ended with the activity unanswered: the next stream gets it again.
        using var again = client.GetWorkItems(new GetWorkItemsRequest());
        var redelivered = await NextAsync(again);
        Assert.Equal(0, redelivered.ActivityRequest.TaskId);
        var result = new ActivityResponse { InstanceId = "raw-1", TaskId = 0, Result = "2", CompletionToken = redelivered.CompletionToken };
        await client.CompleteActivityTaskAsync(result);
        await client.CompleteActivityTaskAsync(result); // a duplicate completion is ignored

        var second = await NextAsync(again);
        var past = second.WorkflowRequest.PastEvents;
        Assert.Equal([HistoryEvent.EventTypeOneofCase.WorkflowStarted, HistoryEvent.EventTypeOneofCase.ExecutionStarted, HistoryEvent.EventTypeOneofCase.TaskScheduled],
            past.Select(e => e.EventTypeCase));
        Assert.Equal(0, past[2].EventId);
        var completed = Assert.Single(second.WorkflowRequest.NewEvents, e => e.TaskCompleted is not null);
        Assert.Equal((0, "2"), (completed.TaskCompleted.TaskScheduledId, completed.TaskCompleted.Result));
        var done = new WorkflowResponse { InstanceId = "raw-1", CompletionToken = second.CompletionToken };
        done.Actions.Add(new WorkflowAction { Id = 1, CompleteWorkflow = new CompleteWorkflowAction { WorkflowStatus = OrchestrationStatus.Completed, Result = "\"done\"" } });
#pragma warning disable CS0612 // The deprecated name is exactly what the 1.18.7 worker calls.
        await client.CompleteOrchestratorTaskAsync(done);
#pragma warning restore CS0612

        var final = await client.WaitForInstanceCompletionAsync(new GetInstanceRequest { InstanceId = "raw-1", GetInputsAndOutputs = true });
        Assert.Equal((OrchestrationStatus.Completed, "\"done\"", "\"busy\"", "\"in\""),
            (final.WorkflowState.WorkflowStatus, final.WorkflowState.Output, final.WorkflowState.CustomStatus, final.WorkflowState.Input));
        var bare = await client.GetInstanceAsync(new GetInstanceRequest { InstanceId = "raw-1" });
        Assert.True(bare.Exists);
        Assert.Null(bare.WorkflowState.Input);
        Assert.False((await client.GetInstanceAsync(new GetInstanceRequest { InstanceId = "raw-missing" })).Exists);
    }

    private static async Task<WorkItem> NextAsync(AsyncServerStreamingCall<WorkItem> stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        Assert.True(await stream.ResponseStream.MoveNext(timeout.Token), "the work item stream ended");
        return stream.ResponseStream.Current;
    }
}
