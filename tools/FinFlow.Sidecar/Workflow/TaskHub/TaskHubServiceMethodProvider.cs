using System.Reflection;
using FinFlow.Sidecar.Api.DaprGrpc;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace FinFlow.Sidecar.Workflow.TaskHub;

/// <summary>
/// Binds every RPC of the 1.18.7 <c>TaskHubSidecarService</c> descriptor (no proto package, so paths are
/// <c>/TaskHubSidecarService/&lt;Rpc&gt;</c>): implemented ones from <see cref="TaskHubRpcs"/>, the rest answer Unimplemented.
/// </summary>
public sealed class TaskHubServiceMethodProvider(TaskHubRpcs rpcs) : IServiceMethodProvider<TaskHubGrpcService>
{
    private static readonly MethodInfo BindUnimplementedDefinition =
        typeof(TaskHubServiceMethodProvider).GetMethod(nameof(BindUnimplemented), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Google.Protobuf.Reflection.ServiceDescriptor Service => Dapr.DurableTask.Protobuf.TaskHubSidecarService.Descriptor;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TaskHubGrpcService> context)
    {
        var methods = rpcs.Methods;
        methods.Seal();
        var known = Service.Methods.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = methods.Implemented.Where(name => !known.Contains(name)).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException($"Not RPCs of {Service.FullName}: {string.Join(", ", unknown)}");
        foreach (var descriptor in Service.Methods)
        {
            if (methods.TryGet(descriptor.Name, out var binding)) binding.Bind(context, descriptor);
            else BindUnimplementedDefinition.MakeGenericMethod(descriptor.InputType.ClrType, descriptor.OutputType.ClrType).Invoke(null, [context, descriptor]);
        }
    }

    private static void BindUnimplemented<TRequest, TResponse>(ServiceMethodProviderContext<TaskHubGrpcService> context, MethodDescriptor descriptor)
        where TRequest : class, IMessage
        where TResponse : class, IMessage
    {
        var method = GrpcMethods.Create<TRequest, TResponse>(descriptor);
        var error = new RpcException(new Status(StatusCode.Unimplemented, $"{descriptor.Name} is not implemented by FinFlow.Sidecar"));
        if (method.Type == MethodType.ServerStreaming) context.AddServerStreamingMethod(method, [], (_, _, _, _) => Task.FromException(error));
        else if (method.Type == MethodType.Unary) context.AddUnaryMethod(method, [], (_, _, _) => Task.FromException<TResponse>(error));
        else throw new InvalidOperationException($"{descriptor.FullName}: streaming kind {method.Type} is not expected in TaskHubSidecarService.");
    }
}
