using FinFlow.Sidecar.Api;
using Grpc.Core;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>daprd's workflow management errors (pkg/messages/predefined.go): code, HTTP status and gRPC status.</summary>
public static class WorkflowErrors
{
    public const int MaxInstanceIdLength = 64;

    public static DaprApiException ActorRuntimeNotFound() =>
        new("ERR_ACTOR_RUNTIME_NOT_FOUND",
            "the state store is not configured to use the actor runtime. Have you set the - name: actorStateStore value: \"true\" in your state store component file?",
            500, StatusCode.Internal);

    public static DaprApiException InstanceIdMissing() =>
        new("ERR_INSTANCE_ID_PROVIDED_MISSING", "no instance ID was provided", 400, StatusCode.InvalidArgument);

    public static DaprApiException InstanceIdTooLong() =>
        new("ERR_INSTANCE_ID_TOO_LONG", $"workflow instance ID exceeds the max length of {MaxInstanceIdLength} characters", 400, StatusCode.InvalidArgument);

    public static DaprApiException InstanceIdInvalid(string instanceId) =>
        new("ERR_INSTANCE_ID_INVALID", $"workflow instance ID '{instanceId}' is invalid: only alphanumeric and underscore characters are allowed", 400, StatusCode.InvalidArgument);

    public static DaprApiException InstanceNotFound(string instanceId) =>
        new("ERR_INSTANCE_ID_NOT_FOUND", $"unable to find workflow with the provided instance ID: {instanceId}", 404, StatusCode.NotFound);

    public static DaprApiException NameMissing() =>
        new("ERR_WORKFLOW_NAME_MISSING", "workflow name is not configured", 400, StatusCode.InvalidArgument);

    public static DaprApiException EventNameMissing() =>
        new("ERR_WORKFLOW_EVENT_NAME_MISSING", "missing workflow event name", 400, StatusCode.InvalidArgument);

    public static DaprApiException AppIdInvalid(string appId) =>
        new("ERR_WORKFLOW_APP_ID_INVALID", $"workflow app ID '{appId}' is invalid: only alphanumeric, dash and underscore characters are allowed", 400, StatusCode.InvalidArgument);

    public static DaprApiException Start(string name, string detail) =>
        new("ERR_START_WORKFLOW", $"error starting workflow '{name}': {detail}", 500, StatusCode.Internal);

    public static DaprApiException Get(string instanceId, string detail) =>
        new("ERR_GET_WORKFLOW", $"error while getting workflow info on instance '{instanceId}': {detail}", 500, StatusCode.Internal);

    public static DaprApiException Terminate(string instanceId, string detail) =>
        new("ERR_TERMINATE_WORKFLOW", $"error terminating workflow '{instanceId}': {detail}", 500, StatusCode.Internal);

    public static DaprApiException RaiseEvent(string instanceId, string detail) =>
        new("ERR_RAISE_EVENT_WORKFLOW", $"error raising event on workflow '{instanceId}': {detail}", 500, StatusCode.Internal);

    public static DaprApiException Pause(string instanceId, string detail) =>
        new("ERR_PAUSE_WORKFLOW", $"error pausing workflow {instanceId}: {detail}", 500, StatusCode.Internal);

    public static DaprApiException Resume(string instanceId, string detail) =>
        new("ERR_RESUME_WORKFLOW", $"error resuming workflow {instanceId}: {detail}", 500, StatusCode.Internal);

    public static DaprApiException Purge(string instanceId, string detail) =>
        new("ERR_PURGE_WORKFLOW", $"error purging workflow {instanceId}: {detail}", 500, StatusCode.Internal);
}
