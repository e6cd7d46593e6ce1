using Grpc.Core;

namespace FinFlow.Sidecar.Api;

/// <summary>daprd's error codes with the HTTP and gRPC statuses its code (not its docs) uses; contract §2-§5.</summary>
public static class DaprErrors
{
    public static DaprApiException MalformedRequest(string detail) =>
        new("ERR_MALFORMED_REQUEST", detail, 400, StatusCode.InvalidArgument);

    public static DaprApiException StateStoreNotConfigured() =>
        new("ERR_STATE_STORE_NOT_CONFIGURED", "state store is not configured", 500, StatusCode.FailedPrecondition);

    public static DaprApiException StateStoreNotFound(string name) =>
        new("ERR_STATE_STORE_NOT_FOUND", $"state store {name} is not found", 400, StatusCode.InvalidArgument);

    public static DaprApiException StateGet(string key, string store, Exception error) =>
        new("ERR_STATE_GET", $"fail to get {key} from state store {store}: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException StateBulkGet(string store, Exception error) =>
        new("ERR_STATE_BULK_GET", $"failed getting state in state store {store}: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException StateSave(string store, Exception error, int httpStatus = 500, StatusCode grpcStatus = StatusCode.Internal) =>
        new("ERR_STATE_SAVE", $"failed saving state in state store {store}: {error.Message}", httpStatus, grpcStatus, error);

    public static DaprApiException StateDelete(string key, Exception error, int httpStatus = 500, StatusCode grpcStatus = StatusCode.Internal) =>
        new("ERR_STATE_DELETE", $"failed deleting state with key {key}: {error.Message}", httpStatus, grpcStatus, error);

    public static DaprApiException StateTransaction(Exception error) =>
        new("ERR_STATE_TRANSACTION", $"error while executing state transaction: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException StateStoreNotSupported(string store) =>
        new("ERR_STATE_STORE_NOT_SUPPORTED", $"state store {store} doesn't support transaction", 500, StatusCode.Internal);

    public static DaprApiException NotSupportedStateOperation(string operation, bool grpc) =>
        new("ERR_NOT_SUPPORTED_STATE_OPERATION", $"operation type {operation} not supported", 400, grpc ? StatusCode.Unimplemented : StatusCode.InvalidArgument);

    public static DaprApiException SecretStoresNotConfigured() =>
        new("ERR_SECRET_STORES_NOT_CONFIGURED", "secret store is not configured", 500, StatusCode.FailedPrecondition);

    public static DaprApiException SecretStoreNotFound(string name) =>
        new("ERR_SECRET_STORE_NOT_FOUND", $"failed finding secret store with key {name}", 401, StatusCode.InvalidArgument);

    public static DaprApiException SecretPermissionDenied(string secret, string store) =>
        new("ERR_PERMISSION_DENIED", $"access denied by policy to get \"{secret}\" from \"{store}\"", 403, StatusCode.PermissionDenied);

    public static DaprApiException SecretGet(string secret, string store, Exception error) =>
        new("ERR_SECRET_GET", $"failed getting secret with key {secret} from secret store {store}: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException BulkSecretGet(string store, Exception error) =>
        new("ERR_SECRET_GET", $"failed getting secrets from secret store {store}: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException HealthNotReady() =>
        new("ERR_HEALTH_NOT_READY", "dapr is not ready", 500, StatusCode.Unavailable);

    public static DaprApiException HealthAppIdNotMatch() =>
        new("ERR_HEALTH_APPID_NOT_MATCH", "dapr app-id does not match", 500, StatusCode.InvalidArgument);

    public static DaprApiException MetadataGet(string detail) =>
        new("ERR_METADATA_GET", detail, 500, StatusCode.Internal);
}
