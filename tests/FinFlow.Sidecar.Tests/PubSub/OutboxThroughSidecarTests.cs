using Dapper;
using FinFlow.Contracts;
using FinFlow.Contracts.Events;
using FinFlow.Data;
using FinFlow.Data.Outbox;
using FinFlow.LocalInfra;
using FinFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// FinFlow.Data's outbox relay with its real publisher (DaprClient → sidecar → Redis Streams → app):
/// the subscriber sees the outbox row id as the CloudEvent id, and the event data as written.
/// </summary>
public class OutboxThroughSidecarTests(RedisPubSubFixture fixture) : IClassFixture<RedisPubSubFixture>
{
    [Fact]
    public async Task A_relayed_outbox_row_arrives_with_its_row_id_as_cloud_event_id()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateScratchDatabaseAsync("outbox");
        DatabaseMigrator.Migrate(connectionString, serviceMigrations: null);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var deleted = new UserDeleted(Guid.NewGuid(), new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        Guid id;
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            id = await OutboxWriter.EnqueueAsync(transaction, deleted);
            // The fixture's app subscribes to "orders"; the relay publishes to whatever topic the row names.
            await connection.ExecuteAsync("UPDATE outbox_messages SET topic = 'orders' WHERE id = @id", new { id }, transaction);
            await transaction.CommitAsync();
        }

        var relay = new OutboxRelay(dataSource, new DaprOutboxPublisher(fixture.Client), Options.Create(new OutboxRelayOptions()), NullLogger<OutboxRelay>.Instance);
        Assert.Equal(1, await relay.PublishDueAsync(CancellationToken.None));

        var received = await fixture.WaitForAsync(all => all.Any(d => d.Id == id.ToString()), "the relayed event");
        var delivery = received.First(d => d.Id == id.ToString());
        Assert.Equal("orders", delivery.Topic);
        Assert.Equal(deleted.UserId.ToString(), delivery.Json().GetProperty("userId").GetString());
        Assert.Empty(EventSchemaValidator.Validate(Topics.UserDeleted, delivery.Body));
    }
}
