using Dapper;
using Npgsql;

namespace FinFlow.Accounting.Invoices;

/// <summary>The invoice SQL. Every read is filtered by the owner, so another user's invoice is indistinguishable from a missing one.</summary>
public static class InvoiceStore
{
    private const string Columns = """
        id, user_id AS UserId, client, amount_minor AS AmountMinor, currency, due_date AS DueDate, status,
        amount_paid_minor AS AmountPaidMinor, created_at AS CreatedAt
        """;

    private const string InsertSql = """
        INSERT INTO invoices (id, user_id, client, amount_minor, currency, due_date, status, journal_entry_id, created_at)
        VALUES (@Id, @UserId, @Client, @AmountMinor, @Currency, CAST(@DueDate AS date), 'PENDING', @JournalEntryId, @CreatedAt)
        """;

    private const string InsertLinesSql = """
        INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price_minor, tax_rate)
        SELECT @InvoiceId, l.position - 1, l.description, l.quantity, l.unit_price_minor, l.tax_rate
          FROM unnest(@Descriptions, @Quantities, @Prices, @Rates) WITH ORDINALITY
               AS l (description, quantity, unit_price_minor, tax_rate, position)
        """;

    private const string GetSql = $"SELECT {Columns} FROM invoices WHERE id = @Id AND user_id = @UserId";

    private const string ListSql = $"""
        SELECT {Columns} FROM invoices
         WHERE user_id = @UserId AND (@Status::text IS NULL OR status = @Status::text)
         ORDER BY created_at DESC, id DESC
         LIMIT @Limit OFFSET @Offset
        """;

    private const string CountSql = """
        SELECT count(*) FROM invoices WHERE user_id = @UserId AND (@Status::text IS NULL OR status = @Status::text)
        """;

    public static async Task InsertAsync(
        NpgsqlTransaction transaction, Guid id, Guid userId, InvoiceDraft draft, Guid journalEntryId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(draft);
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = id,
            UserId = userId,
            draft.Client,
            AmountMinor = draft.Amount.MinorUnits,
            Currency = draft.Amount.Currency.Code,
            DueDate = draft.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            JournalEntryId = journalEntryId,
            CreatedAt = createdAt,
        }, transaction, cancellationToken: cancellationToken));
        if (draft.Lines.Count == 0) return;
        await connection.ExecuteAsync(new CommandDefinition(InsertLinesSql, new
        {
            InvoiceId = id,
            Descriptions = draft.Lines.Select(l => l.Description).ToArray(),
            Quantities = draft.Lines.Select(l => l.Quantity).ToArray(),
            Prices = draft.Lines.Select(l => l.UnitPriceMinor).ToArray(),
            Rates = draft.Lines.Select(l => l.TaxRate).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<InvoiceRow?> GetAsync(NpgsqlDataSource db, Guid id, Guid userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<InvoiceRow>(
            new CommandDefinition(GetSql, new { Id = id, UserId = userId }, cancellationToken: cancellationToken));
    }

    public static async Task<(IReadOnlyList<InvoiceRow> Rows, long Total)> ListAsync(
        NpgsqlDataSource db, Guid userId, string? status, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var args = new { UserId = userId, Status = status, Limit = pageSize, Offset = (long)(page - 1) * pageSize };
        var rows = await connection.QueryAsync<InvoiceRow>(new CommandDefinition(ListSql, args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, args, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }
}
