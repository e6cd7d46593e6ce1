using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace FinFlow.Benchmarks;

/// <summary>
/// Fills a user's journal fast with set-based SQL instead of a million API calls. Each transaction inserts whole
/// balanced two-line entries (receivable/revenue, receivable/tax, cash/receivable, fees/cash in turn) on the user's
/// own chart, so every rule of the ledger still applies: the row triggers check owner and currency, the deferred
/// triggers check each entry's balance at commit, and the statement trigger adds the lines to
/// <c>account_daily_totals</c>. Entries are spread in date order over the last <see cref="SpanDays"/> days.
/// </summary>
public static class AccountingJournalLoader
{
    public const int LinesPerTransaction = 50_000;
    public const int SpanDays = 730;

    private const string AccountsSql = "SELECT code, id FROM accounts WHERE user_id = @Owner AND currency = 'USD'";

    // Entry ids are derived from (salt, n) so the lines statement can name the entries the first statement inserted.
    private const string EntriesSql = """
        INSERT INTO journal_entries (id, user_id, posted_at, memo, currency, entry_date)
        SELECT md5(@Salt || n)::uuid, @Owner, (s.day + make_interval(secs => n % 86400)) AT TIME ZONE 'UTC', 'Benchmark entry', 'USD', s.day
          FROM (SELECT n, CAST(@FirstDay AS date) + (n * @SpanDays / @Entries)::int AS day
                  FROM generate_series(@From, @To - 1) AS n) AS s
        """;

    private const string LinesSql = """
        INSERT INTO journal_lines (entry_id, account_id, side, amount_minor)
        SELECT md5(@Salt || n)::uuid,
               CASE s.side WHEN 'D' THEN (@Debits)[(n % 4)::int + 1] ELSE (@Credits)[(n % 4)::int + 1] END,
               s.side,
               100 + (n * 7919) % 100000
          FROM generate_series(@From, @To - 1) AS n
         CROSS JOIN (VALUES ('D'), ('C')) AS s (side)
        """;

    private const string SizeSql = """
        SELECT (SELECT count(*) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE e.user_id = @Owner),
               (SELECT count(*) FROM account_daily_totals t JOIN accounts a ON a.id = t.account_id WHERE a.user_id = @Owner)
        """;

    /// <summary>Adds about <paramref name="lines"/> lines (whole two-line entries) to the owner's journal; returns how long it took.</summary>
    public static async Task<TimeSpan> LoadAsync(string connectionString, Guid owner, long lines, Action<long>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // A 50,000-line commit runs 75,000 deferred balance checks: longer than the default 30 s on a busy machine.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 900 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var accounts = await AccountsAsync(connection, owner, cancellationToken);
        Guid[] debits = [accounts["1100"], accounts["1100"], accounts["1000"], accounts["6100"]];
        Guid[] credits = [accounts["4000"], accounts["2100"], accounts["1100"], accounts["1000"]];
        var entries = lines / 2;
        var firstDay = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-SpanDays);
        for (long from = 0; from < entries; from += LinesPerTransaction / 2)
        {
            var to = Math.Min(entries, from + (LinesPerTransaction / 2));
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, EntriesSql, cancellationToken,
                ("Salt", owner.ToString("N")), ("Owner", owner), ("FirstDay", firstDay), ("SpanDays", (long)SpanDays), ("Entries", entries), ("From", from), ("To", to));
            await ExecuteAsync(connection, transaction, LinesSql, cancellationToken,
                ("Salt", owner.ToString("N")), ("Debits", debits), ("Credits", credits), ("From", from), ("To", to));
            await transaction.CommitAsync(cancellationToken);
            progress?.Invoke(to * 2);
        }

        return clock.Elapsed;
    }

    /// <summary>The owner's journal lines and the daily-total rows a trial balance of theirs reads.</summary>
    public static async Task<(long Lines, long DailyTotals)> SizeAsync(string connectionString, Guid owner, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(SizeSql, connection);
        command.Parameters.AddWithValue("Owner", owner);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>What autovacuum would do after a bulk load: fresh statistics, dead daily-total versions cleared.</summary>
    public static async Task VacuumAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 900 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // One statement per command: VACUUM cannot run inside the implicit transaction of a multi-statement batch.
        foreach (var sql in new[] { "VACUUM (ANALYZE) account_daily_totals, accounts", "ANALYZE journal_entries, journal_lines" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<Dictionary<string, Guid>> AccountsAsync(NpgsqlConnection connection, Guid owner, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AccountsSql, connection);
        command.Parameters.AddWithValue("Owner", owner);
        var accounts = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) accounts[reader.GetString(0).Trim()] = reader.GetGuid(1);
        return accounts.Count > 0
            ? accounts
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"user {owner} has no USD chart of accounts; post an invoice for them first"));
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
