using System.Reflection;
using FinFlow.Contracts;
using FinFlow.Data.Outbox;
using FinFlow.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FinFlow.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's own database: <c>ConnectionStrings:{name}</c> if configured (tests),
    /// else the secret <c>{name}-db</c> from the Dapr secret store; migrations at start; the outbox relay;
    /// and a readiness check.
    /// </summary>
    public static WebApplicationBuilder AddServiceDatabase(this WebApplicationBuilder builder, string name, Assembly? migrations)
    {
        var key = $"ConnectionStrings:{name}";
        builder.Configuration.AddDaprSecrets(DaprComponents.SecretStore, new Dictionary<string, string> { [$"{name}-db"] = key });
        var connectionString = builder.Configuration[key]
            ?? throw new InvalidOperationException($"No connection string for database '{name}'.");

        builder.Services.AddSingleton(new DatabaseSettings(connectionString, migrations));
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        builder.Services.AddSingleton<MigrationStatus>();
        builder.Services.AddHostedService<MigrationHostedService>();
        builder.Services.AddOptions<OutboxRelayOptions>();
        builder.Services.AddSingleton<IOutboxPublisher, DaprOutboxPublisher>();
        builder.Services.AddHostedService<OutboxRelay>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, [HealthExtensions.ReadyTag], TimeSpan.FromSeconds(3));
        return builder;
    }
}
