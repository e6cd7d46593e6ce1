using Dapr.DurableTask.Protobuf;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>One row of <c>wf_instances</c>: the current execution's metadata.</summary>
public sealed record WorkflowInstanceRecord(
    string InstanceId,
    string Name,
    string ExecutionId,
    OrchestrationStatus Status,
    string? Input,
    string? Output,
    string? CustomStatus,
    TaskFailureDetails? Failure,
    ParentInstanceInfo? Parent,
    DateTime CreatedAt,
    DateTime LastUpdatedAt,
    DateTime? CompletedAt,
    DateTime? ScheduledStartAt)
{
    public bool IsFinished => Status is OrchestrationStatus.Completed or OrchestrationStatus.Failed or OrchestrationStatus.Terminated
        or OrchestrationStatus.Canceled;
}
