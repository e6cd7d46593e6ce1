using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Workflow.Storage;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>
/// Turns a worker's actions into history events and side effects (contract §7.5 step 2): each action's event carries
/// the action id as eventId, activities are dispatched with taskId = action id and timers fire as timerFired{timerId = action id}.
/// </summary>
public static class ActionApplier
{
    public static void Apply(TurnCommit commit, WorkflowInstanceRecord current, WorkflowResponse response, DateTime now)
    {
        var instance = current;
        var completion = response.Actions.LastOrDefault(a => a.CompleteWorkflow is not null)?.CompleteWorkflow;
        var after = instance with
        {
            Status = instance.Status == OrchestrationStatus.Pending ? OrchestrationStatus.Running : instance.Status,
            CustomStatus = response.CustomStatus ?? instance.CustomStatus,
            LastUpdatedAt = now,
        };

        foreach (var action in response.Actions)
        {
            switch (action.WorkflowActionTypeCase)
            {
                case WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask when completion is null:
                    ScheduleTask(commit, action, now);
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.CreateTimer when completion is null:
                    CreateTimer(commit, action, now);
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.CreateChildWorkflow:
                    CreateChild(commit, action, now);
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.CreateDetachedWorkflow:
                    CreateDetached(commit, action, now);
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.SendEvent:
                    var send = action.SendEvent;
                    commit.Append.Add(WorkflowEvents.Stamp(new HistoryEvent
                    {
                        EventSent = new EventSentEvent { InstanceId = send.Instance?.InstanceId ?? "", Name = send.Name, Input = send.Data },
                    }, now, action.Id));
                    commit.Messages.Add(new InboxMessage(0, send.Instance?.InstanceId ?? "", null, WorkflowEvents.Stamp(new HistoryEvent
                    {
                        EventRaised = new EventRaisedEvent { Name = send.Name, Input = send.Data },
                    }, now)));
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.TerminateWorkflow:
                    var terminate = action.TerminateWorkflow;
                    commit.Messages.Add(new InboxMessage(0, terminate.InstanceId, null, WorkflowEvents.Stamp(new HistoryEvent
                    {
                        ExecutionTerminated = new ExecutionTerminatedEvent { Input = terminate.Reason, Recurse = terminate.Recurse },
                    }, now)));
                    break;
                case WorkflowAction.WorkflowActionTypeOneofCase.WorkflowVersionNotAvailable:
                    after = after with { Status = OrchestrationStatus.Stalled };
                    break;
            }
        }

        commit.After = completion is null ? after : Complete(commit, after, completion, now);
    }

    private static void ScheduleTask(TurnCommit commit, WorkflowAction action, DateTime now)
    {
        var task = action.ScheduleTask;
        var scheduled = new TaskScheduledEvent { Name = task.Name, Version = task.Version, Input = task.Input, TaskExecutionId = task.TaskExecutionId };
        var historyEvent = WorkflowEvents.Stamp(new HistoryEvent { TaskScheduled = scheduled }, now, action.Id);
        if (action.Router is not null) historyEvent.Router = action.Router;
        commit.Append.Add(historyEvent);
        commit.Activities.Add(new ActivityRequest
        {
            Name = task.Name,
            Version = task.Version,
            Input = task.Input,
            TaskId = action.Id,
            TaskExecutionId = task.TaskExecutionId,
            WorkflowInstance = new WorkflowInstance { InstanceId = commit.Before.InstanceId, ExecutionId = commit.Before.ExecutionId },
        });
    }

    private static void CreateTimer(TurnCommit commit, WorkflowAction action, DateTime now)
    {
        var timer = action.CreateTimer;
        var created = new TimerCreatedEvent { FireAt = timer.FireAt };
        if (timer.HasName) created.Name = timer.Name;
        switch (timer.OriginCase)
        {
            case CreateTimerAction.OriginOneofCase.CreateTimer: created.CreateTimer = timer.CreateTimer; break;
            case CreateTimerAction.OriginOneofCase.ExternalEvent: created.ExternalEvent = timer.ExternalEvent; break;
            case CreateTimerAction.OriginOneofCase.ActivityRetry: created.ActivityRetry = timer.ActivityRetry; break;
            case CreateTimerAction.OriginOneofCase.ChildWorkflowRetry: created.ChildWorkflowRetry = timer.ChildWorkflowRetry; break;
        }

        commit.Append.Add(WorkflowEvents.Stamp(new HistoryEvent { TimerCreated = created }, now, action.Id));
        var fireAt = timer.FireAt?.ToDateTime() ?? now;
        if (fireAt >= WorkflowEvents.NeverBefore) return;
        var fired = WorkflowEvents.Stamp(new HistoryEvent { TimerFired = new TimerFiredEvent { FireAt = timer.FireAt, TimerId = action.Id } }, fireAt);
        commit.Timers.Add(new ScheduledTimer(commit.Before.InstanceId, commit.Before.ExecutionId, action.Id, fireAt, fired));
    }

    private static void CreateChild(TurnCommit commit, WorkflowAction action, DateTime now)
    {
        var child = action.CreateChildWorkflow;
        commit.Append.Add(WorkflowEvents.Stamp(new HistoryEvent
        {
            ChildWorkflowInstanceCreated = new ChildWorkflowInstanceCreatedEvent
            {
                InstanceId = child.InstanceId, Name = child.Name, Version = child.Version, Input = child.Input,
            },
        }, now, action.Id));
        var parent = new ParentInstanceInfo
        {
            TaskScheduledId = action.Id,
            Name = commit.Before.Name,
            WorkflowInstance = new WorkflowInstance { InstanceId = commit.Before.InstanceId, ExecutionId = commit.Before.ExecutionId },
        };
        StartInstance(commit, child.InstanceId, child.Name, child.Input, parent, now);
    }

    private static void CreateDetached(TurnCommit commit, WorkflowAction action, DateTime now)
    {
        var detached = action.CreateDetachedWorkflow;
        commit.Append.Add(WorkflowEvents.Stamp(new HistoryEvent
        {
            DetachedWorkflowInstanceCreated = new DetachedWorkflowInstanceCreatedEvent { InstanceId = detached.InstanceId },
        }, now, action.Id));
        StartInstance(commit, detached.InstanceId, detached.Name, detached.Input, null, now);
    }

    private static void StartInstance(TurnCommit commit, string instanceId, string name, string? input, ParentInstanceInfo? parent, DateTime now)
    {
        var executionId = WorkflowEvents.NewExecutionId();
        commit.NewInstances.Add(new WorkflowInstanceRecord(
            instanceId, name, executionId, OrchestrationStatus.Pending, input, null, null, null, parent, now, now, null, null));
        commit.Messages.Add(new InboxMessage(0, instanceId, executionId,
            WorkflowEvents.ExecutionStarted(instanceId, executionId, name, input, parent, null, now)));
    }

    private static WorkflowInstanceRecord Complete(TurnCommit commit, WorkflowInstanceRecord after, CompleteWorkflowAction completion, DateTime now)
    {
        commit.DropOpenWork = true;
        commit.Activities.Clear();
        commit.Timers.Clear();
        if (completion.WorkflowStatus == OrchestrationStatus.ContinuedAsNew)
        {
            // A new execution: fresh history, its start message first, then the events the old one had not consumed.
            var executionId = WorkflowEvents.NewExecutionId();
            commit.ResetHistory = true;
            commit.Append.Clear();
            commit.Messages.Add(new InboxMessage(0, after.InstanceId, executionId, WorkflowEvents.ExecutionStarted(
                after.InstanceId, executionId, after.Name, completion.Result, after.Parent, null, now)));
            foreach (var carried in completion.CarryoverEvents) commit.Messages.Add(new InboxMessage(0, after.InstanceId, executionId, carried));
            return after with { ExecutionId = executionId, Input = completion.Result, Output = null, Failure = null, Status = OrchestrationStatus.Running };
        }

        if (completion.WorkflowStatus == OrchestrationStatus.Stalled) return after with { Status = OrchestrationStatus.Stalled };
        return Finish(commit, after, completion.WorkflowStatus, completion.Result, completion.FailureDetails, now);
    }

    /// <summary>Ends the execution: executionCompleted in history, the row's final status, and the parent's notification.</summary>
    public static WorkflowInstanceRecord Finish(
        TurnCommit commit, WorkflowInstanceRecord after, OrchestrationStatus status, string? result, TaskFailureDetails? failure, DateTime now)
    {
        commit.DropOpenWork = true;
        commit.Append.Add(WorkflowEvents.Completed(status, result, failure, now));
        if (after.Parent is { WorkflowInstance: { } parent } info)
        {
            commit.Messages.Add(new InboxMessage(0, parent.InstanceId, parent.ExecutionId,
                WorkflowEvents.ChildEnded(info.TaskScheduledId, status, result, failure, now)));
        }

        return after with
        {
            Status = status,
            Output = status == OrchestrationStatus.Failed ? null : result,
            Failure = failure,
            CompletedAt = now,
            LastUpdatedAt = now,
        };
    }
}
