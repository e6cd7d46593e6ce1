using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Data.Outbox;

/// <summary>
/// Moves committed outbox rows to the broker: at-least-once. Rows are locked while being published
/// (SKIP LOCKED lets several replicas share the work) and marked sent in the same transaction, so a
/// crash between publish and commit leaves them unsent and they go out again with the same id.
/// </summary>
public sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource, IOutboxPublisher publisher, IOptions<OutboxRelayOptions> options, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private const string SelectDueSql = """
        SELECT id, topic, payload::text AS payload, traceparent AS traceparent, attempts
        FROM outbox_messages
        WHERE sent_at IS NULL AND next_attempt_at <= now()
        ORDER BY id
        LIMIT @BatchSize
        FOR UPDATE SKIP LOCKED
        """;

    private const string MarkSentSql = """
        UPDATE outbox_messages SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = @Id
        """;

    private const string MarkFailedSql = """
        UPDATE outbox_messages
        SET attempts = attempts + 1, last_error = @Error, next_attempt_at = now() + @Delay
        WHERE id = @Id
        """;

    private readonly OutboxRelayOptions _options = options.Value;

    /// <summary>Publishes one batch of due messages; returns how many were published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = await connection.QueryAsync<OutboxMessage>(
            new CommandDefinition(SelectDueSql, new { _options.BatchSize }, transaction, cancellationToken: cancellationToken));

        var published = 0;
        foreach (var message in due)
        {
            try
            {
                await publisher.PublishAsync(message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var delay = _options.RetryDelay(message.Attempts + 1);
                LogPublishFailed(logger, e, message.Id, message.Topic, message.Attempts + 1, delay);
                await connection.ExecuteAsync(new CommandDefinition(
                    MarkFailedSql, new { message.Id, Error = e.Message, Delay = delay }, transaction, cancellationToken: cancellationToken));
                // The broker is likely down: stop here rather than fail every remaining message too.
                break;
            }

            await connection.ExecuteAsync(new CommandDefinition(MarkSentSql, new { message.Id }, transaction, cancellationToken: cancellationToken));
            published++;
        }

        await transaction.CommitAsync(cancellationToken);
        return published;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
                await listener.ExecuteAsync($"LISTEN {OutboxWriter.Channel}");
                while (!stoppingToken.IsCancellationRequested)
                {
                    var published = await PublishDueAsync(stoppingToken);
                    if (published < _options.BatchSize) await listener.WaitAsync(_options.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogRelayError(logger, e);
                await Task.Delay(_options.PollInterval, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} to {Topic} failed (attempt {Attempt}); retrying in {Delay}")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, Guid messageId, string topic, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox relay lost its database connection; retrying")]
    private static partial void LogRelayError(ILogger logger, Exception exception);
}
