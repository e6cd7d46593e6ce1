namespace FinFlow.Sidecar.Workflow;

/// <summary>The ways a management call can be refused, which each API surface maps to its own status and error code.</summary>
public enum WorkflowManagementError
{
    /// <summary>No such instance (daprd: 404 ERR_INSTANCE_ID_NOT_FOUND over HTTP).</summary>
    InstanceNotFound,

    /// <summary>An instance with this id is still running (start refused).</summary>
    InstanceAlreadyExists,

    /// <summary>Purge of an instance that is not COMPLETED, FAILED or TERMINATED.</summary>
    InstanceNotFinished,

    /// <summary>No actor state store is configured, so the engine cannot run.</summary>
    EngineUnavailable,
}
