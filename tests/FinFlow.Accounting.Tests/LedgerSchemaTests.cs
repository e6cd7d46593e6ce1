using Dapper;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Data;
using FinFlow.Testing;
using Npgsql;
using Xunit;
using static FinFlow.Accounting.Tests.LedgerDatabase;

namespace FinFlow.Accounting.Tests;

/// <summary>The database refuses bad ledger writes on its own: every test here uses raw SQL, no domain checks.</summary>
public class LedgerSchemaTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string CheckViolation = "23514";
    private const string NotInPrerequisiteState = "55000";

    private sealed record Chart(NpgsqlDataSource Db, Guid User, Guid Cash, Guid Revenue, Guid Tax, Guid EuroCash);

    private async Task<Chart> ChartAsync()
    {
        var db = await CreateAsync(postgres);
        var user = Guid.NewGuid();
        return new Chart(
            db,
            user,
            await AddAccountAsync(db, user, "1000", "asset", "USD"),
            await AddAccountAsync(db, user, "4000", "revenue", "USD"),
            await AddAccountAsync(db, user, "2100", "liability", "USD"),
            await AddAccountAsync(db, user, "1000", "asset", "EUR"));
    }

    /// <summary>Posts one entry in its own transaction; the deferred checks fire in CommitAsync.</summary>
    private static async Task<Guid> PostAsync(Chart chart, params (Guid Account, string Side, long Amount)[] lines)
    {
        var id = Guid.NewGuid();
        await using var connection = await chart.Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await InsertEntryAsync(connection, id, chart.User, "USD");
        foreach (var (account, side, amount) in lines) await InsertLineAsync(connection, id, account, side, amount);
        await transaction.CommitAsync();
        return id;
    }

    [Fact]
    public async Task Migration_runs_once_and_can_run_again()
    {
        var connectionString = await postgres.CreateDatabaseAsync("ledger");
        DatabaseMigrator.Migrate(connectionString, typeof(JournalEntry).Assembly);
        DatabaseMigrator.Migrate(connectionString, typeof(JournalEntry).Assembly);

        await using var db = NpgsqlDataSource.Create(connectionString);
        const string Tables = "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('accounts', 'journal_entries', 'journal_lines')";
        Assert.Equal(3, await CountAsync(db, Tables));
    }

    [Fact]
    public async Task A_balanced_three_line_entry_commits()
    {
        var chart = await ChartAsync();

        var id = await PostAsync(chart, (chart.Cash, "D", 1100), (chart.Revenue, "C", 1000), (chart.Tax, "C", 100));

        Assert.Equal(3, await CountAsync(chart.Db, "SELECT count(*) FROM journal_lines WHERE entry_id = @id", new { id }));
    }

    [Fact]
    public async Task An_unbalanced_entry_fails_at_commit()
    {
        var chart = await ChartAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => PostAsync(chart, (chart.Cash, "D", 1000), (chart.Revenue, "C", 999)));

        Assert.Equal(CheckViolation, error.SqlState);
        Assert.Matches("^journal entry .* is unbalanced: debits 1000 <> credits 999$", error.MessageText);
        Assert.Equal(0, await CountAsync(chart.Db, "SELECT count(*) FROM journal_entries"));
    }

    [Fact]
    public async Task A_one_line_entry_fails_at_commit()
    {
        var chart = await ChartAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostAsync(chart, (chart.Cash, "D", 1000)));

        Assert.Equal(CheckViolation, error.SqlState);
        Assert.Contains("has 1 line(s); at least two are required", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_without_lines_fails_at_commit()
    {
        var chart = await ChartAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => PostAsync(chart));

        Assert.Equal(CheckViolation, error.SqlState);
        Assert.Contains("has 0 line(s)", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_on_an_account_in_another_currency_is_refused()
    {
        var chart = await ChartAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => PostAsync(chart, (chart.Cash, "D", 1000), (chart.EuroCash, "C", 1000)));

        Assert.Equal(CheckViolation, error.SqlState);
        Assert.Contains("journal line currency EUR", error.MessageText, StringComparison.Ordinal);
        Assert.Contains("currency USD", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_on_another_users_account_is_refused()
    {
        var chart = await ChartAsync();
        var stranger = await AddAccountAsync(chart.Db, Guid.NewGuid(), "4000", "revenue", "USD");

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => PostAsync(chart, (chart.Cash, "D", 1000), (stranger, "C", 1000)));

        Assert.Equal(CheckViolation, error.SqlState);
        Assert.Contains("does not belong to the owner", error.MessageText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-500)]
    public async Task Zero_or_negative_lines_are_refused(long amount)
    {
        var chart = await ChartAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => PostAsync(chart, (chart.Cash, "D", amount), (chart.Revenue, "C", amount)));

        Assert.Equal(CheckViolation, error.SqlState);
        Assert.Equal("journal_lines_amount_positive", error.ConstraintName);
    }

    [Theory]
    [InlineData("UPDATE journal_lines SET amount_minor = amount_minor + 1")]
    [InlineData("UPDATE journal_entries SET memo = 'edited'")]
    [InlineData("DELETE FROM journal_lines")]
    [InlineData("DELETE FROM journal_entries")]
    [InlineData("TRUNCATE journal_lines, journal_entries")]
    public async Task Posted_entries_cannot_be_updated_or_deleted(string sql)
    {
        var chart = await ChartAsync();
        await PostAsync(chart, (chart.Cash, "D", 1100), (chart.Revenue, "C", 1000), (chart.Tax, "C", 100));
        await using var connection = await chart.Db.OpenConnectionAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql));

        Assert.Equal(NotInPrerequisiteState, error.SqlState);
        Assert.Contains("immutable; post a reversal entry instead", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(3, await CountAsync(chart.Db, "SELECT count(*) FROM journal_lines WHERE amount_minor IN (1100, 1000, 100)"));
    }

    [Fact]
    public async Task Lines_cannot_be_added_to_an_already_posted_entry()
    {
        var chart = await ChartAsync();
        var id = await PostAsync(chart, (chart.Cash, "D", 1000), (chart.Revenue, "C", 1000));
        await using var connection = await chart.Db.OpenConnectionAsync();

        // A balanced pair would pass the balance check, so only the same-transaction rule stops it.
        var error = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await InsertLineAsync(connection, id, chart.Cash, "D", 5);
            await InsertLineAsync(connection, id, chart.Revenue, "C", 5);
            await transaction.CommitAsync();
        });

        Assert.Equal(NotInPrerequisiteState, error.SqlState);
        Assert.Contains("already posted", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_domain_entry_and_its_reversal_post_and_an_entry_is_reversed_only_once()
    {
        var chart = await ChartAsync();
        var entry = JournalEntry.Create(Guid.NewGuid(), chart.User, Currency.USD, DateTimeOffset.UtcNow, "sale", [
            JournalLine.Debit(chart.Cash, new Money(1100, Currency.USD)),
            JournalLine.Credit(chart.Revenue, new Money(1000, Currency.USD)),
            JournalLine.Credit(chart.Tax, new Money(100, Currency.USD)),
        ]);
        await SaveAsync(chart.Db, entry);

        await SaveAsync(chart.Db, entry.Reverse(Guid.NewGuid(), DateTimeOffset.UtcNow));
        var error = await Assert.ThrowsAsync<PostgresException>(() => SaveAsync(chart.Db, entry.Reverse(Guid.NewGuid(), DateTimeOffset.UtcNow)));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        const string CashBalance = "SELECT sum(CASE side WHEN 'D' THEN amount_minor ELSE -amount_minor END) FROM journal_lines WHERE account_id = @cash";
        Assert.Equal(0, await CountAsync(chart.Db, CashBalance, new { cash = chart.Cash }));
    }
}
