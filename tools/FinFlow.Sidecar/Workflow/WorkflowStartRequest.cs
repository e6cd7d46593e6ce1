namespace FinFlow.Sidecar.Workflow;

/// <summary>A request to start a workflow instance. <see cref="Input"/> is the serialized input text, passed on uninterpreted.</summary>
public sealed record WorkflowStartRequest(string Name, string? InstanceId, string? Input, DateTimeOffset? StartAt);
