using FinFlow.Sidecar.Api;
using Grpc.Core;

namespace FinFlow.Sidecar.Actors;

/// <summary>daprd's actor error codes with the HTTP and gRPC statuses of its messages/predefined.go.</summary>
public static class ActorErrors
{
    public static DaprApiException RuntimeNotFound() =>
        new("ERR_ACTOR_RUNTIME_NOT_FOUND",
            "the state store is not configured to use the actor runtime. Have you set the - name: actorStateStore value: \"true\" in your state store component file?",
            500, StatusCode.Internal);

    public static DaprApiException Invoke(string detail, Exception? inner = null) =>
        new("ERR_ACTOR_INVOKE_METHOD", $"error invoke actor method: {detail}", 500, StatusCode.Internal, inner);

    /// <summary>No host for the type (daprd: a placement lookup that finds no address, wrapped by the invoke error).</summary>
    public static DaprApiException NoAddress(string actorType, string actorId) =>
        Invoke($"failed to lookup actor: api error: code = FailedPrecondition desc = did not find address for actor '{actorType}/{actorId}'");

    public static DaprApiException InstanceMissing() => new("ERR_ACTOR_INSTANCE_MISSING", "actor instance is missing", 400, StatusCode.Internal);

    public static DaprApiException StateGet(Exception error) =>
        new("ERR_ACTOR_STATE_GET", $"error getting actor state: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException StateTransaction(string detail, Exception? inner = null) =>
        new("ERR_ACTOR_STATE_TRANSACTION_SAVE", $"error saving actor transaction state: {detail}", 500, StatusCode.Internal, inner);

    public static DaprApiException ReminderNotHosted() =>
        new("ERR_ACTOR_REMINDER_NON_HOSTED", "operations on actor reminders are only possible on hosted actor types", 403, StatusCode.PermissionDenied);

    public static DaprApiException ReminderCreate(string detail, Exception? inner = null) =>
        new("ERR_ACTOR_REMINDER_CREATE", $"error creating actor reminder: {detail}", 500, StatusCode.Internal, inner);

    public static DaprApiException ReminderGet(Exception error) =>
        new("ERR_ACTOR_REMINDER_GET", $"error getting actor reminder: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException ReminderDelete(Exception error) =>
        new("ERR_ACTOR_REMINDER_DELETE", $"error deleting actor reminder: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException ReminderNotFound(string name) =>
        new("ERR_ACTOR_REMINDER_NOT_FOUND", $"actor reminder not found: {name}", 404, StatusCode.NotFound);

    public static DaprApiException ReminderAlreadyExists(string name) =>
        new("ERR_ACTOR_REMINDER_ALREADY_EXISTS", $"actor reminder already exists: {name}", 409, StatusCode.AlreadyExists);

    public static DaprApiException TimerCreate(string detail) =>
        new("ERR_ACTOR_TIMER_CREATE", $"error creating actor timer: {detail}", 500, StatusCode.Internal);

    public static DaprApiException StackDepth() => new("ERR_ACTOR_STACK_DEPTH", "maximum stack depth exceeded", 500, StatusCode.ResourceExhausted);

    public static DaprApiException BadRequest(string detail) => new("ERR_BAD_REQUEST", detail, 400, StatusCode.InvalidArgument);

    /// <summary>daprd's method.ValidateName for actor types, ids, reminder and timer names: 400 ERR_BAD_REQUEST.</summary>
    public static void ValidateName(string value, string? what = null)
    {
        var prefix = what is null ? "invalid request: " : $"invalid request: invalid {what}: ";
        if (value.AsSpan().IndexOfAny("#?\0/\\") >= 0) throw BadRequest($"{prefix}name contains forbidden character: \"{value}\"");
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] < 0x20 || value[i] == 0x7f) throw BadRequest($"{prefix}name contains control character at position {i}: \"{value}\"");
        }

        if (value is "." or "..") throw BadRequest($"{prefix}name is a path traversal sequence: \"{value}\"");
    }
}
