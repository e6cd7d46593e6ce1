using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>A bidirectional RPC (e.g. SubscribeTopicEventsAlpha1 for the pub/sub half).</summary>
public sealed class DuplexStreamingBinding<TRequest, TResponse>(
    Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler) : IGrpcMethodBinding
    where TRequest : class, IMessage
    where TResponse : class, IMessage
{
    public void Bind<TService>(ServiceMethodProviderContext<TService> context, MethodDescriptor descriptor)
        where TService : class
    {
        context.AddDuplexStreamingMethod(GrpcMethods.Create<TRequest, TResponse>(descriptor), [], async (_, requests, responses, call) =>
        {
            try
            {
                await handler(requests, responses, call);
            }
            catch (DaprApiException error)
            {
                throw error.ToRpcException();
            }
        });
    }
}
