using FinFlow.Data.Outbox;
using FinFlow.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Data.Tests;

/// <summary>A fresh migrated database with an orders table standing for a service's business data.</summary>
internal sealed class OutboxDatabase : IAsyncDisposable
{
    private OutboxDatabase(NpgsqlDataSource dataSource) => DataSource = dataSource;

    public NpgsqlDataSource DataSource { get; }

    public static async Task<OutboxDatabase> CreateAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync("outbox");
        DatabaseMigrator.Migrate(connectionString, serviceMigrations: null);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("CREATE TABLE orders (id uuid PRIMARY KEY, total numeric NOT NULL)");
        await command.ExecuteNonQueryAsync();
        return new OutboxDatabase(dataSource);
    }

    public OutboxRelay Relay(IOutboxPublisher publisher, OutboxRelayOptions? options = null) =>
        new(DataSource, publisher, Options.Create(options ?? new OutboxRelayOptions()), NullLogger<OutboxRelay>.Instance);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
