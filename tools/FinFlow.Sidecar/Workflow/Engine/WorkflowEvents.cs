using Dapr.DurableTask.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>Builds the history events the engine itself writes (everything the worker does not choose the id of has eventId -1).</summary>
public static class WorkflowEvents
{
    /// <summary>The SDK's "wait forever" external-event timer fires at 9999-12-31; such timers are kept in history only.</summary>
    public static readonly DateTime NeverBefore = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static string NewExecutionId() => Guid.NewGuid().ToString("N");

    public static HistoryEvent Stamp(HistoryEvent historyEvent, DateTime now, int eventId = -1)
    {
        historyEvent.EventId = eventId;
        historyEvent.Timestamp ??= Timestamp.FromDateTime(now);
        return historyEvent;
    }

    public static HistoryEvent WorkflowStarted(DateTime now) => Stamp(new HistoryEvent { WorkflowStarted = new WorkflowStartedEvent() }, now);

    public static HistoryEvent ExecutionStarted(
        string instanceId, string executionId, string name, string? input, ParentInstanceInfo? parent, DateTime? scheduledStart, DateTime now)
    {
        var started = new ExecutionStartedEvent
        {
            Name = name,
            Input = input,
            WorkflowInstance = new WorkflowInstance { InstanceId = instanceId, ExecutionId = executionId },
            ParentInstance = parent,
        };
        if (scheduledStart is { } at) started.ScheduledStartTimestamp = Timestamp.FromDateTime(at);
        return Stamp(new HistoryEvent { ExecutionStarted = started }, now);
    }

    public static HistoryEvent Completed(OrchestrationStatus status, string? result, TaskFailureDetails? failure, DateTime now) =>
        Stamp(new HistoryEvent
        {
            ExecutionCompleted = new ExecutionCompletedEvent { WorkflowStatus = status, Result = result, FailureDetails = failure },
        }, now);

    /// <summary>What a parent learns when its child ends: completed with the result, or failed (a terminated child counts as failed).</summary>
    public static HistoryEvent ChildEnded(int taskScheduledId, OrchestrationStatus status, string? result, TaskFailureDetails? failure, DateTime now) =>
        status == OrchestrationStatus.Completed
            ? Stamp(new HistoryEvent
            {
                ChildWorkflowInstanceCompleted = new ChildWorkflowInstanceCompletedEvent { TaskScheduledId = taskScheduledId, Result = result },
            }, now)
            : Stamp(new HistoryEvent
            {
                ChildWorkflowInstanceFailed = new ChildWorkflowInstanceFailedEvent
                {
                    TaskScheduledId = taskScheduledId,
                    FailureDetails = failure ?? new TaskFailureDetails
                    {
                        ErrorType = "WorkflowTerminated",
                        ErrorMessage = $"The child workflow ended with status {status}.",
                    },
                },
            }, now);
}
