using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Health;

/// <summary>Registers <see cref="AppHealth"/> (for building blocks that deliver to the app) and its probe.</summary>
public static class AppHealthServiceCollectionExtensions
{
    public static IServiceCollection AddAppHealth(this IServiceCollection services)
    {
        services.AddSingleton<AppHealth>();
        services.AddHostedService<AppHealthProbe>();
        return services;
    }
}
