using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>One RPC implementation that knows its own request and response types.</summary>
public interface IGrpcMethodBinding
{
    void Bind<TService>(ServiceMethodProviderContext<TService> context, MethodDescriptor descriptor)
        where TService : class;
}
