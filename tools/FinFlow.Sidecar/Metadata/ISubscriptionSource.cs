using Dapr.Client.Autogen.Grpc.v1;

namespace FinFlow.Sidecar.Metadata;

/// <summary>
/// The subscriptions the sidecar is actually running, declarative and programmatic, for <c>/v1.0/metadata</c>
/// and gRPC GetMetadata. Registered by the pub/sub building block; without it the declarative files are listed.
/// </summary>
public interface ISubscriptionSource
{
    IReadOnlyList<PubsubSubscription> Subscriptions { get; }
}
