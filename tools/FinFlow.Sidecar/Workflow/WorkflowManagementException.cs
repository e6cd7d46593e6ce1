namespace FinFlow.Sidecar.Workflow;

/// <summary>A refused management call; <see cref="Error"/> says which kind, the message says why in words.</summary>
public sealed class WorkflowManagementException(WorkflowManagementError error, string message) : Exception(message)
{
    public WorkflowManagementError Error { get; } = error;
}
