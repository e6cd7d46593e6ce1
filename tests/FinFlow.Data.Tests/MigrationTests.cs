using FinFlow.Testing;
using Npgsql;
using Xunit;

namespace FinFlow.Data.Tests;

public class MigrationTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrations_create_the_outbox_and_inbox_once_and_can_run_again()
    {
        var connectionString = await postgres.CreateDatabaseAsync("migrate");

        DatabaseMigrator.Migrate(connectionString, serviceMigrations: null);
        DatabaseMigrator.Migrate(connectionString, serviceMigrations: null);

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(
            "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema = 'public'");
        Assert.Equal("outbox_messages,processed_events,schemaversions", await command.ExecuteScalarAsync());
    }
}
