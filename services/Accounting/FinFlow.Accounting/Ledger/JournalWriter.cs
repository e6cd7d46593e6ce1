using System.Globalization;
using Dapper;
using FinFlow.Accounting.Domain.Ledger;
using Npgsql;

namespace FinFlow.Accounting.Ledger;

/// <summary>Persists a domain-built (hence balanced) entry in the caller's transaction; the database re-checks it at commit.</summary>
public static class JournalWriter
{
    private const string EntrySql = """
        INSERT INTO journal_entries (id, user_id, posted_at, memo, currency, reverses_entry_id, entry_date, invoice_id)
        VALUES (@Id, @UserId, @PostedAt, @Memo, @Currency, @ReversesEntryId, CAST(@EntryDate AS date), @InvoiceId)
        """;

    private const string LinesSql = """
        INSERT INTO journal_lines (entry_id, account_id, side, amount_minor)
        SELECT @EntryId, l.account_id, l.side, l.amount_minor
          FROM unnest(@Accounts, @Sides, @Amounts) AS l (account_id, side, amount_minor)
        """;

    /// <summary>
    /// Posts <paramref name="entry"/>. <paramref name="entryDate"/> is the accounting date reports group by
    /// (default: the UTC date of <see cref="JournalEntry.PostedAt"/>); <paramref name="invoiceId"/> links it to an invoice.
    /// </summary>
    public static async Task PostAsync(
        NpgsqlTransaction transaction, JournalEntry entry, DateOnly? entryDate = null, Guid? invoiceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(entry);
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(EntrySql, new
        {
            entry.Id,
            entry.UserId,
            entry.PostedAt,
            entry.Memo,
            Currency = entry.Currency.Code,
            entry.ReversesEntryId,
            EntryDate = (entryDate ?? DateOnly.FromDateTime(entry.PostedAt.UtcDateTime)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            InvoiceId = invoiceId,
        }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(LinesSql, new
        {
            EntryId = entry.Id,
            Accounts = entry.Lines.Select(l => l.AccountId).ToArray(),
            Sides = entry.Lines.Select(l => l.SideCode.ToString()).ToArray(),
            Amounts = entry.Lines.Select(l => l.Amount.MinorUnits).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
    }
}
