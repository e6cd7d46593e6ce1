namespace FinFlow.Sidecar.Workflow;

/// <summary>
/// What the management surfaces (HTTP <c>/v1.0/workflows</c>, gRPC <c>…Beta1</c>, and the engine's own
/// <c>TaskHubSidecarService</c> client RPCs) ask of the engine. Errors are thrown as
/// <see cref="WorkflowManagementException"/> so each surface maps them to its own codes.
/// </summary>
public interface IWorkflowManagement
{
    /// <summary>Starts (or schedules, when <see cref="WorkflowStartRequest.StartAt"/> is in the future) an instance; returns its id.</summary>
    Task<string> StartAsync(WorkflowStartRequest request, CancellationToken ct);

    /// <summary>The instance's metadata, or null when it does not exist (or was purged).</summary>
    Task<WorkflowInstanceView?> GetAsync(string instanceId, CancellationToken ct);

    Task TerminateAsync(string instanceId, string? output, bool recursive, CancellationToken ct);

    Task RaiseEventAsync(string instanceId, string eventName, string? payload, CancellationToken ct);

    Task SuspendAsync(string instanceId, string? reason, CancellationToken ct);

    Task ResumeAsync(string instanceId, string? reason, CancellationToken ct);

    /// <summary>
    /// Deletes a finished instance (and its children when recursive); returns how many instances were deleted.
    /// Throws InstanceNotFound for an unknown id and InstanceNotFinished when any of them still runs.
    /// </summary>
    Task<int> PurgeAsync(string instanceId, bool recursive, CancellationToken ct);
}
