using Dapper;
using FinFlow.Accounting.Domain.Monetary;
using Npgsql;

namespace FinFlow.Accounting.Ledger;

/// <summary>Reads the journal: one owner's entries, newest first, filtered by date range and account, with their lines.</summary>
public static class LedgerStore
{
    private const string FilterSql = """
        FROM journal_entries e
         WHERE e.user_id = @Owner
           AND (@Id::uuid IS NULL OR e.id = @Id::uuid)
           AND (@From::date IS NULL OR e.entry_date >= @From::date)
           AND (@To::date IS NULL OR e.entry_date <= @To::date)
           AND (@Account::text IS NULL OR EXISTS (
                SELECT 1 FROM journal_lines l JOIN accounts a ON a.id = l.account_id
                 WHERE l.entry_id = e.id AND a.code = @Account::text))
        """;

    private const string EntriesSql = $"""
        SELECT e.id, e.user_id AS UserId, e.entry_date AS Date, e.posted_at AS PostedAt, e.currency, e.memo,
               e.invoice_id AS InvoiceId, e.reverses_entry_id AS ReversesEntryId
        {FilterSql}
         ORDER BY e.entry_date DESC, e.posted_at DESC, e.id DESC
         LIMIT @Limit OFFSET @Offset
        """;

    private const string CountSql = $"SELECT count(*) {FilterSql}";

    private const string LinesSql = """
        SELECT l.entry_id AS EntryId, a.code, a.name, l.side, l.amount_minor AS AmountMinor
          FROM journal_lines l JOIN accounts a ON a.id = l.account_id
         WHERE l.entry_id = ANY(@Ids)
         ORDER BY l.id
        """;

    public static async Task<LedgerPage> ListAsync(
        NpgsqlDataSource db, Guid owner, LedgerQuery query, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var args = Arguments(owner, null, query, pageSize, (long)(page - 1) * pageSize);
        var items = await ReadAsync(connection, args, cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, args, cancellationToken: cancellationToken));
        return new LedgerPage(items, page, pageSize, total);
    }

    public static async Task<JournalEntryView?> GetAsync(NpgsqlDataSource db, Guid owner, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var items = await ReadAsync(connection, Arguments(owner, id, new LedgerQuery(null, null, null), 1, 0), cancellationToken);
        return items.Count == 0 ? null : items[0];
    }

    private static DynamicParameters Arguments(Guid owner, Guid? id, LedgerQuery query, int limit, long offset)
    {
        var args = new DynamicParameters();
        args.Add("Owner", owner);
        args.Add("Id", id);
        args.Add("From", query.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        args.Add("To", query.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        args.Add("Account", query.Account);
        args.Add("Limit", limit);
        args.Add("Offset", offset);
        return args;
    }

    private static async Task<IReadOnlyList<JournalEntryView>> ReadAsync(NpgsqlConnection connection, DynamicParameters args, CancellationToken cancellationToken)
    {
        var entries = (await connection.QueryAsync<EntryRow>(new CommandDefinition(EntriesSql, args, cancellationToken: cancellationToken))).ToList();
        if (entries.Count == 0) return [];
        var lines = (await connection.QueryAsync<LineRow>(new CommandDefinition(
                LinesSql, new { Ids = entries.Select(e => e.Id).ToArray() }, cancellationToken: cancellationToken)))
            .ToLookup(l => l.EntryId);
        return entries.Select(e =>
        {
            var currency = Currency.FromCode(e.Currency.Trim());
            var views = lines[e.Id].Select(l => new JournalLineView(
                l.Code, l.Name, l.Side == "D" ? "debit" : "credit", new Money(l.AmountMinor, currency).ToDecimal())).ToList();
            return new JournalEntryView(
                e.Id, e.UserId, DateOnly.FromDateTime(e.Date), new DateTimeOffset(DateTime.SpecifyKind(e.PostedAt, DateTimeKind.Utc)),
                currency.Code, e.Memo, e.InvoiceId, e.ReversesEntryId, views);
        }).ToList();
    }

    private sealed class EntryRow
    {
        public Guid Id { get; init; }

        public Guid UserId { get; init; }

        public DateTime Date { get; init; }

        public DateTime PostedAt { get; init; }

        public string Currency { get; init; } = string.Empty;

        public string? Memo { get; init; }

        public Guid? InvoiceId { get; init; }

        public Guid? ReversesEntryId { get; init; }
    }

    private sealed class LineRow
    {
        public Guid EntryId { get; init; }

        public string Code { get; init; } = string.Empty;

        public string Name { get; init; } = string.Empty;

        public string Side { get; init; } = string.Empty;

        public long AmountMinor { get; init; }
    }
}
