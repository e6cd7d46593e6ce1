namespace FinFlow.Payments.Idempotency;

/// <summary>Deletes idempotency keys older than their retention (at least 24 h) once an hour.</summary>
public sealed partial class IdempotencyKeyPurge(IdempotencyStore store, ILogger<IdempotencyKeyPurge> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var purged = await store.PurgeExpiredAsync(stoppingToken);
                if (purged > 0) LogPurged(logger, purged);
            }
            catch (Npgsql.NpgsqlException e)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired idempotency keys")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency keys failed; trying again in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
