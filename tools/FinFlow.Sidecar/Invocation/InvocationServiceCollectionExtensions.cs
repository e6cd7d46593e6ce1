using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Invocation.Resiliency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Invocation;

/// <summary>Registers the invocation building block's services (one line in SidecarHost).</summary>
public static class InvocationServiceCollectionExtensions
{
    public static IServiceCollection AddInvocation(this IServiceCollection services)
    {
        services.AddSingleton(provider => new NameResolver(provider.GetRequiredService<ILogger<NameResolver>>()));
        services.AddSingleton(provider => new SidecarHop(provider.GetRequiredService<NameResolver>()));
        services.AddSingleton<InvocationPolicies>();
        services.AddSingleton<InvocationDispatcher>();
        services.AddSingleton<InvocationHttpEndpoints>();
        services.AddSingleton<InvocationGrpcHandler>();
        services.AddSingleton<IBuildingBlock, InvocationBuildingBlock>();
        return services;
    }
}
