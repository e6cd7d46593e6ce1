using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Workflow.Storage;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>
/// One turn of one instance: load history and inbox, let the engine apply terminate/suspend/resume, send the rest to
/// the worker as newEvents after a fresh workflowStarted, turn its actions into history and effects, commit all at once.
/// </summary>
public sealed class TurnProcessor(WorkflowStore store, Func<WorkflowRequest, CancellationToken, Task<WorkflowResponse>> askWorker)
{
    /// <summary>Returns the committed change (null when nothing was written) and whether another turn is due.</summary>
    public async Task<(TurnCommit? Commit, bool More)> RunAsync(string instanceId, CancellationToken ct)
    {
        var input = await store.LoadTurnAsync(instanceId, ct);
        if (input is null) return (null, false);
        var instance = input.Instance;
        var plan = TurnPlan.From(input);
        var now = DateTime.UtcNow;
        var commit = new TurnCommit(instance, input.History.Count);
        commit.ConsumedInbox.AddRange(plan.Consumed);

        if (plan.Terminate is { } terminate)
        {
            commit.Append.Add(WorkflowEvents.WorkflowStarted(now));
            commit.Append.AddRange(plan.Control);
            commit.Append.Add(terminate);
            commit.After = ActionApplier.Finish(commit, instance, OrchestrationStatus.Terminated, terminate.ExecutionTerminated.Input, null, now);
            if (terminate.ExecutionTerminated.Recurse) await TerminateChildrenAsync(commit, terminate, ct);
            await store.CommitTurnAsync(commit, ct);
            return (commit, false);
        }

        var started = input.History.Any(e => e.ExecutionStarted is not null) || plan.Batch.Any(m => m.Event.ExecutionStarted is not null);
        if (plan.Batch.Count == 0 || !started)
        {
            // Only control events (or nothing, or events for an instance whose scheduled start is still ahead).
            if (!started) commit.ConsumedInbox.RemoveAll(id => plan.Batch.Any(m => m.Id == id));
            if (plan.Control.Count > 0)
            {
                // Before its (scheduled) start an instance has no history to add to: the status alone records a suspension.
                if (started) commit.Append.AddRange(plan.Control);
                commit.After = instance with
                {
                    Status = plan.Suspended ? OrchestrationStatus.Suspended : started ? OrchestrationStatus.Running : OrchestrationStatus.Pending,
                    LastUpdatedAt = now,
                };
            }

            if (commit.ConsumedInbox.Count == 0 && commit.Append.Count == 0 && plan.Control.Count == 0) return (null, false);
            await store.CommitTurnAsync(commit, ct);
            return (commit, plan.MoreAfter && started);
        }

        var request = new WorkflowRequest { InstanceId = instanceId, ExecutionId = instance.ExecutionId };
        request.PastEvents.AddRange(input.History);
        request.NewEvents.Add(WorkflowEvents.WorkflowStarted(now));
        request.NewEvents.AddRange(plan.Control);
        request.NewEvents.AddRange(plan.Batch.Select(m => m.Event));
        var response = await askWorker(request, ct);

        commit.Append.AddRange(request.NewEvents);
        var current = instance.Status == OrchestrationStatus.Suspended ? instance with { Status = OrchestrationStatus.Running } : instance;
        ActionApplier.Apply(commit, current, response, now);
        await store.CommitTurnAsync(commit, ct);
        return (commit, plan.MoreAfter);
    }

    private async Task TerminateChildrenAsync(TurnCommit commit, HistoryEvent terminate, CancellationToken ct)
    {
        var tree = await store.TreeAsync(commit.Before.InstanceId, ct);
        foreach (var child in tree.Where(c => c.Parent?.WorkflowInstance?.InstanceId == commit.Before.InstanceId && !c.IsFinished))
        {
            commit.Messages.Add(new InboxMessage(0, child.InstanceId, null, terminate.Clone()));
        }
    }
}
