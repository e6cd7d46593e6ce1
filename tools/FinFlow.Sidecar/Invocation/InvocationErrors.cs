using FinFlow.Sidecar.Api;
using Grpc.Core;

namespace FinFlow.Sidecar.Invocation;

/// <summary>daprd's ERR_DIRECT_INVOKE family (contract §4.1): 404 without an app id, 500 for every failure to reach the callee.</summary>
public static class InvocationErrors
{
    public const string Code = "ERR_DIRECT_INVOKE";

    public static DaprApiException NoAppId() =>
        new(Code, "failed getting app id either from the URL path or the header dapr-app-id", 404, StatusCode.NotFound);

    public static DaprApiException UnknownApp(string appId, string? source) =>
        new(Code, source is null
            ? $"fail to invoke, id: {appId}, err: couldn't find service: {appId} (no name resolution file: FINFLOW_NAME_RESOLUTION_FILE is not set)"
            : $"fail to invoke, id: {appId}, err: couldn't find service: {appId} (not listed in {source})",
            500, StatusCode.Unavailable);

    public static DaprApiException Failed(string appId, string detail, Exception? inner = null) =>
        new(Code, $"fail to invoke, id: {appId}, err: {detail}", 500, StatusCode.Internal, inner);

    public static DaprApiException Timeout(string appId, TimeSpan timeout) =>
        new(Code, $"fail to invoke, id: {appId}, err: context deadline exceeded (resiliency timeout {timeout.TotalMilliseconds} ms)",
            500, StatusCode.DeadlineExceeded);

    public static DaprApiException CircuitOpen(string appId) =>
        new(Code, $"fail to invoke, id: {appId}, err: circuit breaker is open", 500, StatusCode.Unavailable);

    public static DaprApiException NoAppChannel(string appId) =>
        new(Code, $"fail to invoke, id: {appId}, err: app channel is not initialized (the sidecar runs without --app-port)", 500, StatusCode.Internal);

    public static DaprApiException UntrustedHop(string appId) =>
        new(Code, $"fail to invoke, id: {appId}, err: the sidecar-to-sidecar hop carried a caller id that could not be verified", 403, StatusCode.PermissionDenied);
}
