using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using DaprProto = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>
/// Binds every RPC of <c>dapr.proto.runtime.v1.Dapr</c>, as listed by the Dapr.Protos service descriptor,
/// to <see cref="DaprGrpcService"/>: implemented ones from <see cref="DaprGrpcMethods"/>, the rest to a
/// handler answering Unimplemented, which is what the SDK's version-aware fallbacks expect (contract §1.4).
/// </summary>
public sealed class DaprServiceMethodProvider(DaprGrpcMethods methods) : IServiceMethodProvider<DaprGrpcService>
{
    private static readonly MethodInfo BindUnimplementedDefinition =
        typeof(DaprServiceMethodProvider).GetMethod(nameof(BindUnimplemented), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Google.Protobuf.Reflection.ServiceDescriptor Service => DaprProto.Descriptor;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<DaprGrpcService> context)
    {
        methods.Seal();
        var known = Service.Methods.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = methods.Implemented.Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"Not RPCs of {Service.FullName}: {string.Join(", ", unknown)}");

        foreach (var descriptor in Service.Methods)
        {
            if (methods.TryGet(descriptor.Name, out var binding))
            {
                binding.Bind(context, descriptor);
            }
            else
            {
                BindUnimplementedDefinition.MakeGenericMethod(descriptor.InputType.ClrType, descriptor.OutputType.ClrType)
                    .Invoke(null, [context, descriptor]);
            }
        }
    }

    private static void BindUnimplemented<TRequest, TResponse>(ServiceMethodProviderContext<DaprGrpcService> context, MethodDescriptor descriptor)
        where TRequest : class, IMessage
        where TResponse : class, IMessage
    {
        var method = GrpcMethods.Create<TRequest, TResponse>(descriptor);
        var error = new RpcException(new Status(StatusCode.Unimplemented, $"{descriptor.Name} is not implemented by FinFlow.Sidecar"));
        switch (method.Type)
        {
            case MethodType.Unary:
                context.AddUnaryMethod(method, [], (_, _, _) => Task.FromException<TResponse>(error));
                break;
            case MethodType.ServerStreaming:
                context.AddServerStreamingMethod(method, [], (_, _, _, _) => Task.FromException(error));
                break;
            case MethodType.ClientStreaming:
                context.AddClientStreamingMethod(method, [], (_, _, _) => Task.FromException<TResponse>(error));
                break;
            default:
                context.AddDuplexStreamingMethod(method, [], (_, _, _, _) => Task.FromException(error));
                break;
        }
    }
}
