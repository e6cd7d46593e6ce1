using FinFlow.Sidecar.Api;
using Grpc.Core;

namespace FinFlow.Sidecar.PubSub;

/// <summary>daprd's pub/sub error codes with the HTTP and gRPC statuses of contract §3.1 (<c>pkg/api/errors/pubsub.go</c>).</summary>
public static class PubSubErrors
{
    public static DaprApiException NotConfigured() =>
        new("ERR_PUBSUB_NOT_CONFIGURED", "pubsub is not configured", 400, StatusCode.FailedPrecondition);

    public static DaprApiException NotFound(string name) =>
        new("ERR_PUBSUB_NOT_FOUND", $"pubsub {name} is not found", 404, StatusCode.InvalidArgument);

    public static DaprApiException NameEmpty() =>
        new("ERR_PUBSUB_EMPTY", "pubsub name is empty", 404, StatusCode.InvalidArgument);

    public static DaprApiException TopicEmpty(string name) =>
        new("ERR_TOPIC_NAME_EMPTY", $"topic is empty in pubsub {name}", 404, StatusCode.InvalidArgument);

    public static DaprApiException Forbidden(string topic, string name, string appId) =>
        new("ERR_PUBSUB_FORBIDDEN", $"topic {topic} is not allowed for app id {appId} in pubsub {name}", 403, StatusCode.PermissionDenied);

    public static DaprApiException PublishMessage(string topic, string name, Exception error) =>
        new("ERR_PUBSUB_PUBLISH_MESSAGE", $"error when publish to topic {topic} in pubsub {name}: {error.Message}", 500, StatusCode.Internal, error);

    public static DaprApiException RequestMetadata(string detail) =>
        new("ERR_PUBSUB_REQUEST_METADATA", $"failed deserializing metadata: {detail}", 400, StatusCode.InvalidArgument);

    public static DaprApiException CloudEventParse(string detail) =>
        new("ERR_PUBSUB_CLOUD_EVENTS_SER", $"cannot create cloudevent: {detail}", 400, StatusCode.InvalidArgument);

    public static DaprApiException EventsSerialization(string detail) =>
        new("ERR_PUBSUB_EVENTS_SER", detail, 400, StatusCode.InvalidArgument);
}
