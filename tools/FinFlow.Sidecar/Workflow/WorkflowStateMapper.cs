using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Workflow.Storage;
using Google.Protobuf.WellKnownTypes;

namespace FinFlow.Sidecar.Workflow;

/// <summary>Maps an instance row to the durable-task <c>WorkflowState</c> and to the management view, with daprd's status names.</summary>
public static class WorkflowStateMapper
{
    public static string StatusName(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Running => "RUNNING",
        OrchestrationStatus.Completed => "COMPLETED",
        OrchestrationStatus.ContinuedAsNew => "CONTINUED_AS_NEW",
        OrchestrationStatus.Failed => "FAILED",
        OrchestrationStatus.Canceled => "CANCELED",
        OrchestrationStatus.Terminated => "TERMINATED",
        OrchestrationStatus.Pending => "PENDING",
        OrchestrationStatus.Suspended => "SUSPENDED",
        OrchestrationStatus.Stalled => "STALLED",
        _ => "UNKNOWN",
    };

    public static WorkflowInstanceView ToView(WorkflowInstanceRecord record) => new(
        record.InstanceId,
        record.Name,
        new DateTimeOffset(record.CreatedAt, TimeSpan.Zero),
        new DateTimeOffset(record.LastUpdatedAt, TimeSpan.Zero),
        StatusName(record.Status),
        record.Input,
        record.Output,
        record.CustomStatus,
        record.Failure is { } failure ? new WorkflowFailure(failure.ErrorType, failure.ErrorMessage, failure.StackTrace) : null);

    public static WorkflowState ToState(WorkflowInstanceRecord record, bool withPayloads)
    {
        var state = new WorkflowState
        {
            InstanceId = record.InstanceId,
            Name = record.Name,
            WorkflowStatus = record.Status,
            CreatedTimestamp = Timestamp.FromDateTime(record.CreatedAt),
            LastUpdatedTimestamp = Timestamp.FromDateTime(record.LastUpdatedAt),
            ExecutionId = record.ExecutionId,
            FailureDetails = record.Failure,
            ParentInstanceId = record.Parent?.WorkflowInstance?.InstanceId,
        };
        if (record.CompletedAt is { } completed) state.CompletedTimestamp = Timestamp.FromDateTime(completed);
        if (record.ScheduledStartAt is { } scheduled) state.ScheduledStartTimestamp = Timestamp.FromDateTime(scheduled);
        if (withPayloads)
        {
            state.Input = record.Input;
            state.Output = record.Output;
            state.CustomStatus = record.CustomStatus;
        }

        return state;
    }
}
