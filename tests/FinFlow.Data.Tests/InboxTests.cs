using Dapper;
using FinFlow.Data.Inbox;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Data.Tests;

public class InboxTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_second_delivery_of_the_same_event_changes_nothing()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);

        Assert.True(await ApplyOnceAsync(db, "evt-1", "accounting"));
        Assert.False(await ApplyOnceAsync(db, "evt-1", "accounting"));
        Assert.True(await ApplyOnceAsync(db, "evt-1", "analytics"));

        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_event_apply_its_effect_exactly_once()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ApplyOnceAsync(db, "evt-race", "accounting"))));

        Assert.Single(outcomes, applied => applied);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task A_rolled_back_effect_releases_the_event_for_redelivery()
    {
        await using var db = await OutboxDatabase.CreateAsync(postgres);
        await using (var connection = await db.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.True(await EventInbox.TryClaimAsync(transaction, "evt-crash", "accounting"));
            await transaction.RollbackAsync();
        }

        Assert.True(await ApplyOnceAsync(db, "evt-crash", "accounting"));
    }

    private static async Task<bool> ApplyOnceAsync(OutboxDatabase db, string eventId, string consumer)
    {
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await EventInbox.TryClaimAsync(transaction, eventId, consumer)) return false;
        await connection.ExecuteAsync("INSERT INTO orders VALUES (gen_random_uuid(), 10)", transaction: transaction);
        await transaction.CommitAsync();
        return true;
    }
}
