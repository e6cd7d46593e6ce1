namespace FinFlow.Sidecar.Api.DaprGrpc;

/// <summary>
/// The service type ASP.NET Core gRPC binds <c>dapr.proto.runtime.v1.Dapr</c> to. It carries no methods:
/// <c>Dapr.Protos</c> ships no server base class, so <see cref="DaprServiceMethodProvider"/> adds each RPC by hand.
/// </summary>
public sealed class DaprGrpcService;
