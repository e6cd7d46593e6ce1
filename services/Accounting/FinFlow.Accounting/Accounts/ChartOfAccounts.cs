using Dapper;
using FinFlow.Accounting.Domain.Ledger;
using FinFlow.Accounting.Domain.Monetary;
using Npgsql;

namespace FinFlow.Accounting.Accounts;

/// <summary>
/// Seeds a user's chart of accounts in a currency on first use. ON CONFLICT DO NOTHING on the
/// (user, code, currency) key makes concurrent first requests safe: one insert wins, the rest read it.
/// </summary>
public static class ChartOfAccounts
{
    private static readonly (string Code, string Name, AccountType Type)[] Standard =
    [
        (AccountCodes.Cash, "Cash", AccountType.Asset),
        (AccountCodes.AccountsReceivable, "Accounts Receivable", AccountType.Asset),
        (AccountCodes.Suspense, "Suspense", AccountType.Asset),
        (AccountCodes.TaxPayable, "Tax Payable", AccountType.Liability),
        // Over-payments are owed back to (or kept on account for) the customer: a liability, not revenue.
        (AccountCodes.CustomerCredits, "Customer Credits", AccountType.Liability),
        (AccountCodes.SalesRevenue, "Sales Revenue", AccountType.Revenue),
        (AccountCodes.Refunds, "Refunds", AccountType.Revenue),
        (AccountCodes.ProcessorFees, "Processor Fees", AccountType.Expense),
    ];

    private const string SeedSql = """
        INSERT INTO accounts (id, user_id, code, name, type, currency)
        SELECT gen_random_uuid(), @UserId, s.code, s.name, s.type, @Currency
          FROM unnest(@Codes, @Names, @Types) AS s (code, name, type)
        ON CONFLICT (user_id, code, currency) DO NOTHING
        """;

    private const string ReadSql = """
        SELECT code, id FROM accounts WHERE user_id = @UserId AND currency = @Currency
        """;

    public static IReadOnlyList<string> Codes { get; } = Standard.Select(a => a.Code).ToArray();

    /// <summary>Ensures the chart exists and returns its account ids by code.</summary>
    public static async Task<IReadOnlyDictionary<string, Guid>> EnsureAsync(
        NpgsqlTransaction transaction, Guid userId, Currency currency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(currency);
        var connection = transaction.Connection!;
        var args = new { UserId = userId, Currency = currency.Code };
        var existing = await ReadAsync(connection, transaction, args, cancellationToken);
        if (Standard.All(a => existing.ContainsKey(a.Code))) return existing;

        await connection.ExecuteAsync(new CommandDefinition(SeedSql, new
        {
            UserId = userId,
            Currency = currency.Code,
            Codes = Standard.Select(a => a.Code).ToArray(),
            Names = Standard.Select(a => a.Name).ToArray(),
            Types = Standard.Select(a => a.Type.ToString().ToLowerInvariant()).ToArray(),
        }, transaction, cancellationToken: cancellationToken));
        return await ReadAsync(connection, transaction, args, cancellationToken);
    }

    private static async Task<Dictionary<string, Guid>> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, object args, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Code, Guid Id)>(
            new CommandDefinition(ReadSql, args, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Code.Trim(), r => r.Id, StringComparer.Ordinal);
    }
}
