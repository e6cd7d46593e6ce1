using Dapr.Client.Autogen.Grpc.v1;

namespace FinFlow.Sidecar.Metadata;

/// <summary>
/// A building block's own part of the metadata answer (the actor runtime, connected workflow workers),
/// added to <c>GetMetadataResponse</c> for both <c>/v1.0/metadata</c> and gRPC GetMetadata.
/// </summary>
public interface IMetadataContributor
{
    void Contribute(GetMetadataResponse response);
}
