using System.Text.Json;
using Dapper;
using FinFlow.Contracts;
using FinFlow.Contracts.Events;
using FinFlow.Data.Outbox;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Data.Tests;

public class OutboxTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly UserDeleted Event = new(Guid.NewGuid(), DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO orders VALUES (gen_random_uuid(), 10)", transaction: transaction);
            await OutboxWriter.EnqueueAsync(transaction, Event);
            await transaction.RollbackAsync();
        }

        var publisher = new RecordingPublisher();
        Assert.Equal(0, await db.Relay(publisher).PublishDueAsync(CancellationToken.None));
        Assert.Empty(publisher.Published);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_committed_transaction_is_published_once_with_the_row_id_as_event_id()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);
        var id = await CommitOrderWithEventAsync(db);
        var publisher = new RecordingPublisher();
        var relay = db.Relay(publisher);

        Assert.Equal(1, await relay.PublishDueAsync(CancellationToken.None));
        Assert.Equal(0, await relay.PublishDueAsync(CancellationToken.None));

        var message = Assert.Single(publisher.Published);
        Assert.Equal(id, message.Id);
        Assert.Equal(Topics.UserDeleted, message.Topic);
        Assert.Equal(Event, JsonSerializer.Deserialize<UserDeleted>(message.Payload, EventJson.Options));
        Assert.Empty(EventSchemaValidator.Validate(message.Topic, message.Payload));
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL"));
    }

    [Fact]
    public async Task A_relay_killed_between_publish_and_mark_republishes_with_the_same_id()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);
        var id = await CommitOrderWithEventAsync(db);
        using var kill = new CancellationTokenSource();
        var dying = new RecordingPublisher();
        // The broker accepted the message; then the process dies before the row is marked sent.
        dying.AfterPublish = async _ =>
        {
            await kill.CancelAsync();
            kill.Token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.Relay(dying).PublishDueAsync(kill.Token));

        var survivor = new RecordingPublisher();
        Assert.Equal(1, await db.Relay(survivor).PublishDueAsync(CancellationToken.None));
        Assert.Equal(id, Assert.Single(dying.Published).Id);
        Assert.Equal(id, Assert.Single(survivor.Published).Id);
    }

    [Fact]
    public async Task A_failed_publish_is_kept_and_retried_after_a_growing_delay()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);
        await CommitOrderWithEventAsync(db);
        var publisher = new RecordingPublisher { FailWith = new InvalidOperationException("broker unavailable") };
        var relay = db.Relay(publisher, new OutboxRelayOptions { FirstRetryDelay = TimeSpan.FromMinutes(1) });

        Assert.Equal(0, await relay.PublishDueAsync(CancellationToken.None));

        await using var connection = await db.DataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(int Attempts, string LastError, double DelaySeconds)>(
            "SELECT attempts, last_error, extract(epoch FROM next_attempt_at - now())::float8 FROM outbox_messages");
        Assert.Equal(1, row.Attempts);
        Assert.Equal("broker unavailable", row.LastError);
        Assert.InRange(row.DelaySeconds, 50, 61);

        // Not due yet: a second scan must not hammer the broker.
        publisher.FailWith = null;
        Assert.Equal(0, await relay.PublishDueAsync(CancellationToken.None));
        await connection.ExecuteAsync("UPDATE outbox_messages SET next_attempt_at = now()");
        Assert.Equal(1, await relay.PublishDueAsync(CancellationToken.None));
    }

    [Fact]
    public void Retry_delay_doubles_and_is_capped()
    {
        var options = new OutboxRelayOptions { FirstRetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(30) };

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], Enumerable.Range(1, 7).Select(a => options.RetryDelay(a).TotalSeconds));
    }

    [Fact]
    public async Task The_running_relay_is_woken_by_the_commit_not_by_polling()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);
        var delivered = new TaskCompletionSource<OutboxMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var publisher = new RecordingPublisher { AfterPublish = message => { delivered.TrySetResult(message); return Task.CompletedTask; } };
        // A poll interval far beyond the test's patience: only the NOTIFY at commit can wake the relay in time.
        using var relay = db.Relay(publisher, new OutboxRelayOptions { PollInterval = TimeSpan.FromMinutes(10) });
        await relay.StartAsync(CancellationToken.None);
        await Task.Delay(500);

        var id = await CommitOrderWithEventAsync(db);

        var message = await delivered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(id, message.Id);
        await relay.StopAsync(CancellationToken.None);
    }

    private static async Task<Guid> CommitOrderWithEventAsync(OutboxDatabase db)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("INSERT INTO orders VALUES (gen_random_uuid(), 10)", transaction: transaction);
        var id = await OutboxWriter.EnqueueAsync(transaction, Event);
        await transaction.CommitAsync();
        return id;
    }
}
