using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>A server-streaming RPC (e.g. SubscribeConfiguration, or later building blocks' streams).</summary>
public sealed class ServerStreamingBinding<TRequest, TResponse>(
    Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : IGrpcMethodBinding
    where TRequest : class, IMessage
    where TResponse : class, IMessage
{
    public void Bind<TService>(ServiceMethodProviderContext<TService> context, MethodDescriptor descriptor)
        where TService : class
    {
        context.AddServerStreamingMethod(GrpcMethods.Create<TRequest, TResponse>(descriptor), [], async (_, request, stream, call) =>
        {
            try
            {
                await handler(request, stream, call);
            }
            catch (DaprApiException error)
            {
                throw error.ToRpcException();
            }
        });
    }
}
