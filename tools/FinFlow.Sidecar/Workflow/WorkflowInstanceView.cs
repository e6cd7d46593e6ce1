namespace FinFlow.Sidecar.Workflow;

/// <summary>
/// An instance's metadata as the management APIs report it. <see cref="RuntimeStatus"/> uses daprd's
/// strings: RUNNING, COMPLETED, CONTINUED_AS_NEW, FAILED, CANCELED, TERMINATED, PENDING, SUSPENDED.
/// </summary>
public sealed record WorkflowInstanceView(
    string InstanceId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string RuntimeStatus,
    string? Input,
    string? Output,
    string? CustomStatus,
    WorkflowFailure? Failure);
