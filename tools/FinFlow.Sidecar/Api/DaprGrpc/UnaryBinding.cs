using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>A unary RPC; <see cref="DaprApiException"/> turns into daprd's gRPC status.</summary>
public sealed class UnaryBinding<TRequest, TResponse>(Func<TRequest, ServerCallContext, Task<TResponse>> handler) : IGrpcMethodBinding
    where TRequest : class, IMessage
    where TResponse : class, IMessage
{
    public void Bind<TService>(ServiceMethodProviderContext<TService> context, MethodDescriptor descriptor)
        where TService : class
    {
        context.AddUnaryMethod(GrpcMethods.Create<TRequest, TResponse>(descriptor), [], async (_, request, call) =>
        {
            try
            {
                return await handler(request, call);
            }
            catch (DaprApiException error)
            {
                throw error.ToRpcException();
            }
        });
    }
}
