using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace FinFlow.Data;

/// <summary>Ready when the schema is migrated and the database answers a query.</summary>
public sealed class DatabaseHealthCheck(NpgsqlDataSource dataSource, MigrationStatus migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!migrations.Completed) return HealthCheckResult.Unhealthy("Database migrations have not completed.");
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.", e);
        }
    }
}
