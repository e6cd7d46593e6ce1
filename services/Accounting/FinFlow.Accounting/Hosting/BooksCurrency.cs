using Dapper;
using FinFlow.Accounting.Domain.Monetary;
using Npgsql;

namespace FinFlow.Accounting.Hosting;

/// <summary>
/// Which currency a per-currency report covers: the requested one, or the owner's only one. Adding USD to
/// EUR would be meaningless, so an owner with books in several currencies must choose.
/// </summary>
public static class BooksCurrency
{
    private const string CurrenciesSql = "SELECT DISTINCT currency FROM accounts WHERE user_id = @Owner ORDER BY currency";

    /// <summary>The currency, or null with a 400 answer in <paramref name="problem"/>; null with no problem means no books yet.</summary>
    public static async Task<(Currency? Currency, IResult? Problem)> ResolveAsync(
        NpgsqlDataSource db, Guid owner, string? requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (requested is not null)
        {
            return Currency.TryFromCode(requested, out var chosen)
                ? (chosen, null)
                : (null, AccountingProblems.Field("currency", "The currency must be an ISO 4217 code such as USD."));
        }

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var codes = (await connection.QueryAsync<string>(new CommandDefinition(CurrenciesSql, new { Owner = owner }, cancellationToken: cancellationToken)))
            .Select(code => code.Trim()).ToList();
        return codes.Count switch
        {
            0 => (null, null),
            1 => (Currency.FromCode(codes[0]), null),
            _ => (null, AccountingProblems.Field("currency", $"The books are kept in {string.Join(", ", codes)}; choose one with ?currency=.")),
        };
    }
}
