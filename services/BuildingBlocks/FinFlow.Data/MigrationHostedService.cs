using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FinFlow.Data;

/// <summary>Runs migrations when the host starts; the database may still be starting, so it retries for a while.</summary>
internal sealed partial class MigrationHostedService(
    DatabaseSettings settings, MigrationStatus status, ILogger<MigrationHostedService> logger)
    : IHostedService
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RetryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                DatabaseMigrator.Migrate(settings.ConnectionString, settings.Migrations);
                status.MarkCompleted();
                LogMigrated(logger, attempt);
                return;
            }
            catch (Exception e) when (IsTransient(e) && DateTime.UtcNow < deadline)
            {
                LogRetry(logger, e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool IsTransient(Exception e) =>
        e is NpgsqlException { IsTransient: true } || e.InnerException is NpgsqlException { IsTransient: true };

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date (attempt {Attempt})")]
    private static partial void LogMigrated(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet ({Reason}); retrying migrations, attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, string reason, int attempt);
}
