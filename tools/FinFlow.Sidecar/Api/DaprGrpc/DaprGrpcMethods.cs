using Google.Protobuf;
using Grpc.Core;

namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>
/// The table of implemented <c>dapr.proto.runtime.v1.Dapr</c> RPCs. Building blocks add their methods here
/// by RPC name; everything left out is bound to an Unimplemented handler by <see cref="DaprServiceMethodProvider"/>.
/// </summary>
public sealed class DaprGrpcMethods
{
    private readonly Dictionary<string, IGrpcMethodBinding> _bindings = new(StringComparer.Ordinal);
    private bool _sealed;

    public void MapUnary<TRequest, TResponse>(string rpc, Func<TRequest, ServerCallContext, Task<TResponse>> handler)
        where TRequest : class, IMessage
        where TResponse : class, IMessage =>
        Add(rpc, new UnaryBinding<TRequest, TResponse>(handler));

    public void MapServerStreaming<TRequest, TResponse>(string rpc, Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage
        where TResponse : class, IMessage =>
        Add(rpc, new ServerStreamingBinding<TRequest, TResponse>(handler));

    public void MapDuplexStreaming<TRequest, TResponse>(
        string rpc, Func<IAsyncStreamReader<TRequest>, IServerStreamWriter<TResponse>, ServerCallContext, Task> handler)
        where TRequest : class, IMessage
        where TResponse : class, IMessage =>
        Add(rpc, new DuplexStreamingBinding<TRequest, TResponse>(handler));

    public IReadOnlyCollection<string> Implemented => _bindings.Keys;

    internal bool TryGet(string rpc, out IGrpcMethodBinding binding) => _bindings.TryGetValue(rpc, out binding!);

    /// <summary>ASP.NET Core discovers methods once, when the service is mapped; later additions would be lost silently.</summary>
    internal void Seal() => _sealed = true;

    private void Add(string rpc, IGrpcMethodBinding binding)
    {
        if (_sealed) throw new InvalidOperationException($"gRPC method {rpc} was added after the Dapr service was mapped.");
        if (!_bindings.TryAdd(rpc, binding)) throw new InvalidOperationException($"gRPC method {rpc} is mapped twice.");
    }
}
