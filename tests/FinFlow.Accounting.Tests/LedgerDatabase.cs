using Dapper;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Data;
using FinFlow.Testing;
using Npgsql;

namespace FinFlow.Accounting.Tests;

/// <summary>A fresh migrated database per test, and raw-SQL helpers that deliberately bypass the domain types.</summary>
internal static class LedgerDatabase
{
    public static async Task<NpgsqlDataSource> CreateAsync(PostgresFixture postgres)
    {
        var connectionString = await postgres.CreateDatabaseAsync("ledger");
        DatabaseMigrator.Migrate(connectionString, typeof(JournalEntry).Assembly);
        return NpgsqlDataSource.Create(connectionString);
    }

    public static async Task<Guid> AddAccountAsync(NpgsqlDataSource db, Guid userId, string code, string type, string currency)
    {
        var id = Guid.NewGuid();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO accounts (id, user_id, code, name, type, currency) VALUES (@id, @userId, @code, @name, @type, @currency)",
            new { id, userId, code, name = "Account " + code, type, currency });
        return id;
    }

    public static Task InsertEntryAsync(NpgsqlConnection connection, Guid id, Guid userId, string currency, Guid? reverses = null) =>
        connection.ExecuteAsync(
            "INSERT INTO journal_entries (id, user_id, memo, currency, reverses_entry_id) VALUES (@id, @userId, 'test', @currency, @reverses)",
            new { id, userId, currency, reverses });

    public static Task InsertLineAsync(NpgsqlConnection connection, Guid entryId, Guid accountId, string side, long amount) =>
        connection.ExecuteAsync(
            "INSERT INTO journal_lines (entry_id, account_id, side, amount_minor) VALUES (@entryId, @accountId, @side, @amount)",
            new { entryId, accountId, side, amount });

    public static async Task<long> CountAsync(NpgsqlDataSource db, string sql, object? args = null)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }

    /// <summary>Writes a domain-built entry with plain INSERTs in one transaction.</summary>
    public static async Task SaveAsync(NpgsqlDataSource db, JournalEntry entry)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertEntryAsync(connection, entry.Id, entry.UserId, entry.Currency.Code, entry.ReversesEntryId);
        foreach (var line in entry.Lines)
        {
            await InsertLineAsync(connection, entry.Id, line.AccountId, line.SideCode.ToString(), line.Amount.MinorUnits);
        }

        await transaction.CommitAsync();
    }
}
