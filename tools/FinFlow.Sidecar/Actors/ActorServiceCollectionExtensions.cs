using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Metadata;
using FinFlow.Sidecar.Observability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Actors;

/// <summary>Registers the actor building block (invocation, state, timers, reminders).</summary>
public static class ActorServiceCollectionExtensions
{
    public static IServiceCollection AddActors(this IServiceCollection services)
    {
        services.AddSingleton<ActorHosting>();
        services.AddSingleton<ActorMetrics>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<ActorMetrics>());
        services.AddSingleton<ActorTable>();
        services.AddSingleton<ActorAppClient>();
        services.AddSingleton<ActorInvoker>();
        services.AddSingleton<ActorStateApi>();
        services.AddSingleton<ActorTimers>();
        services.AddSingleton<ActorTimersApi>();
        services.AddSingleton<ActorReminders>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<ActorHttpEndpoints>();
        services.AddSingleton<ActorGrpcHandlers>();
        services.AddSingleton<IBuildingBlock, ActorBuildingBlock>();
        services.AddSingleton<IMetadataContributor, ActorMetadataContributor>();
        services.AddHostedService<ActorConfigLoader>();
        services.AddHostedService<ActorIdleScanner>();
        services.AddHostedService(sp =>
        {
            // The gauges read the table and the scheduler, which depend on the metrics themselves.
            var metrics = sp.GetRequiredService<ActorMetrics>();
            var scheduler = sp.GetRequiredService<ReminderScheduler>();
            metrics.PendingCalls = sp.GetRequiredService<ActorTable>().PendingByType;
            metrics.PendingReminders = () => scheduler.Pending;
            return scheduler;
        });
        return services;
    }
}
