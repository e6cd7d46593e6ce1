using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.PubSub;

/// <summary>Registers the pub/sub building block: publish API, subscription manager, app delivery.</summary>
public static class PubSubServiceCollectionExtensions
{
    public static IServiceCollection AddPubSub(this IServiceCollection services)
    {
        services.AddSingleton<PubSubApi>();
        services.AddSingleton<AppPostman>();
        services.AddSingleton<SubscriptionDiscovery>();
        services.AddSingleton<SubscriptionManager>();
        services.AddHostedService(sp => sp.GetRequiredService<SubscriptionManager>());
        services.AddSingleton<ISubscriptionSource>(sp => sp.GetRequiredService<SubscriptionManager>());
        services.AddSingleton<IBuildingBlock, PubSubBuildingBlock>();
        return services;
    }
}
