using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>Builds <see cref="Method{TRequest,TResponse}"/> descriptors from the protobuf reflection data of Dapr.Protos.</summary>
public static class GrpcMethods
{
    public static Method<TRequest, TResponse> Create<TRequest, TResponse>(MethodDescriptor descriptor)
        where TRequest : class, IMessage
        where TResponse : class, IMessage
    {
        if (descriptor.InputType.ClrType != typeof(TRequest) || descriptor.OutputType.ClrType != typeof(TResponse))
        {
            throw new InvalidOperationException(
                $"{descriptor.FullName} takes {descriptor.InputType.ClrType.Name} and returns {descriptor.OutputType.ClrType.Name}, " +
                $"but the handler is for {typeof(TRequest).Name} -> {typeof(TResponse).Name}.");
        }

        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.DuplexStreaming,
        };
        return new Method<TRequest, TResponse>(
            type,
            descriptor.Service.FullName,
            descriptor.Name,
            Marshaller<TRequest>(descriptor.InputType),
            Marshaller<TResponse>(descriptor.OutputType));
    }

    private static Marshaller<T> Marshaller<T>(MessageDescriptor message)
        where T : class, IMessage =>
        Marshallers.Create(value => value.ToByteArray(), bytes => (T)message.Parser.ParseFrom(bytes));
}
