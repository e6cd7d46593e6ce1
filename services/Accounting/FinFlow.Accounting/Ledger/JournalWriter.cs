using Dapper;
using FinFlow.Accounting.Domain.Ledger;
using Npgsql;

namespace FinFlow.Accounting.Ledger;

/// <summary>Persists a domain-built (hence balanced) entry in the caller's transaction; the database re-checks it at commit.</summary>
public static class JournalWriter
{
    private const string EntrySql = """
        INSERT INTO journal_entries (id, user_id, posted_at, memo, currency, reverses_entry_id)
        VALUES (@Id, @UserId, @PostedAt, @Memo, @Currency, @ReversesEntryId)
        """;

    private const string LinesSql = """
        INSERT INTO journal_lines (entry_id, account_id, side, amount_minor)
        SELECT @EntryId, l.account_id, l.side, l.amount_minor
          FROM unnest(@Accounts, @Sides, @Amounts) AS l (account_id, side, amount_minor)
        """;

    public static async Task PostAsync(NpgsqlTransaction transaction, JournalEntry entry, CancellationToken cancellationToken = default)
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
