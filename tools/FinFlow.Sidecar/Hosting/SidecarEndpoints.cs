using FinFlow.Sidecar.Api.DaprGrpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// Where building blocks attach: <see cref="Http"/> answers only on the HTTP API port, <see cref="Dapr"/>
/// is the hand-bound <c>dapr.proto.runtime.v1.Dapr</c> service, and <see cref="MapGrpcService{TService}"/>
/// adds further gRPC services (e.g. TaskHubSidecarService) on the gRPC port.
/// </summary>
public sealed class SidecarEndpoints(IEndpointRouteBuilder app, SidecarOptions options, DaprGrpcMethods dapr)
{
    private readonly int _grpcPort = options.GrpcPort;

    public IEndpointRouteBuilder Http { get; } = app.MapGroup("").RequireHost($"*:{options.HttpPort}");

    public DaprGrpcMethods Dapr { get; } = dapr;

    public SidecarOptions Options { get; } = options;

    public GrpcServiceEndpointConventionBuilder MapGrpcService<TService>()
        where TService : class =>
        app.MapGrpcService<TService>().RequireHost($"*:{_grpcPort}");
}
