using Dapper;
using FinFlow.Payments.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Payments.Processing.Simulated;

/// <summary>
/// Delivers the simulated processor's pending webhooks once due, signing each attempt afresh (as Stripe
/// does) and retrying with capped exponential backoff until the endpoint answers 2xx. Rows are locked
/// while sent (SKIP LOCKED, so replicas share the work); a crash mid-send leaves them to be sent again,
/// which the webhook's event-id deduplication makes harmless.
/// </summary>
public sealed partial class SimulatedWebhookDispatcher(
    NpgsqlDataSource db, SimulatedWebhookSender sender, IOptions<PaymentsOptions> options, TimeProvider time,
    ILogger<SimulatedWebhookDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 50;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    private const string DueSql = """
        SELECT event_id AS EventId, payload AS Payload, attempts AS Attempts
          FROM simulated_webhook_deliveries
         WHERE delivered_at IS NULL AND due_at <= now()
         ORDER BY due_at
         LIMIT @BatchSize
           FOR UPDATE SKIP LOCKED
        """;

    private const string DeliveredSql = """
        UPDATE simulated_webhook_deliveries SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE event_id = @EventId
        """;

    private const string FailedSql = """
        UPDATE simulated_webhook_deliveries SET attempts = attempts + 1, last_error = @Error, due_at = now() + @Delay WHERE event_id = @EventId
        """;

    private const string NextDueSql = """
        SELECT EXTRACT(EPOCH FROM (min(due_at) - now())) FROM simulated_webhook_deliveries WHERE delivered_at IS NULL
        """;

    /// <summary>Sends every due webhook once; returns how many the endpoint accepted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var secret = options.Value.WebhookSecret ?? throw new InvalidOperationException("No webhook secret to sign with.");
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await connection.QueryAsync<Delivery>(new CommandDefinition(DueSql, new { BatchSize }, transaction, cancellationToken: cancellationToken));
        var delivered = 0;
        foreach (var delivery in due)
        {
            var error = await sender.SendAsync(delivery.Payload, StripeSignature.Header(delivery.Payload, secret, time.GetUtcNow()), cancellationToken);
            if (error is null)
            {
                await connection.ExecuteAsync(new CommandDefinition(DeliveredSql, new { delivery.EventId }, transaction, cancellationToken: cancellationToken));
                delivered++;
                continue;
            }

            var delay = RetryDelay(delivery.Attempts + 1);
            LogDeliveryFailed(logger, delivery.EventId, sender.Target, error, delivery.Attempts + 1, delay);
            await connection.ExecuteAsync(new CommandDefinition(
                FailedSql, new { delivery.EventId, Error = error, Delay = delay }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return delivered;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await db.OpenConnectionAsync(stoppingToken);
                await listener.ExecuteAsync($"LISTEN {SimulatedPaymentProcessor.WakeChannel}");
                while (!stoppingToken.IsCancellationRequested)
                {
                    await DeliverDueAsync(stoppingToken);
                    await listener.WaitAsync(await NextWaitAsync(listener, stoppingToken), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogDispatcherError(logger, e);
                await Task.Delay(IdlePoll, stoppingToken);
            }
        }
    }

    /// <summary>Sleeps until the next delivery is due (a NOTIFY from a new charge wakes it sooner), at most a second.</summary>
    private static async Task<TimeSpan> NextWaitAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var seconds = await connection.ExecuteScalarAsync<double?>(new CommandDefinition(NextDueSql, cancellationToken: cancellationToken));
        if (seconds is not { } wait) return IdlePoll;
        return TimeSpan.FromSeconds(Math.Clamp(wait, 0.005, IdlePoll.TotalSeconds));
    }

    private TimeSpan RetryDelay(int attempts)
    {
        var simulated = options.Value.Simulated;
        var milliseconds = simulated.RetryDelayMilliseconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromMilliseconds(Math.Min(milliseconds, simulated.MaxRetryDelaySeconds * 1000.0));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Simulated webhook {EventId} to {Target} failed: {Error} (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogDeliveryFailed(ILogger logger, string eventId, Uri target, string error, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Simulated webhook dispatcher lost its database connection; retrying")]
    private static partial void LogDispatcherError(ILogger logger, Exception exception);

    private sealed record Delivery(string EventId, string Payload, int Attempts);
}
