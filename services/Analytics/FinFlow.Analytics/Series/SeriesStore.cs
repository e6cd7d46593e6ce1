using Dapper;
using Npgsql;

namespace FinFlow.Analytics.Series;

/// <summary>The daily series SQL: add to a day in the transaction that claims the event, and read a user's series back.</summary>
public static class SeriesStore
{
    private const string AddSql = """
        INSERT INTO daily_cash AS d (user_id, currency, day, received, invoiced)
        VALUES (@UserId, @Currency, CAST(@Day AS date), @Received, @Invoiced)
        ON CONFLICT (user_id, currency, day) DO UPDATE
           SET received = d.received + EXCLUDED.received, invoiced = d.invoiced + EXCLUDED.invoiced
        """;

    private const string RequestRefreshSql = """
        INSERT INTO forecast_refresh (user_id, currency) VALUES (@UserId, @Currency)
        ON CONFLICT (user_id, currency) DO UPDATE SET requested_at = now()
        """;

    private const string ReadSql = """
        SELECT day, received FROM daily_cash WHERE user_id = @UserId AND currency = @Currency AND day <= CAST(@Until AS date) ORDER BY day
        """;

    public static async Task AddAsync(NpgsqlTransaction transaction, Guid userId, string currency, DateOnly day, decimal received, decimal invoiced, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var args = new { UserId = userId, Currency = currency, Day = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Received = received, Invoiced = invoiced };
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(AddSql, args, transaction, cancellationToken: cancellationToken));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(RequestRefreshSql, args, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Cash received per day from the first day with data to <paramref name="until"/>, quiet days as zeros.</summary>
    public static async Task<IReadOnlyList<(DateOnly Day, decimal Received)>> ReceivedAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid userId, string currency, DateOnly until, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = (await connection.QueryAsync<(DateTime Day, decimal Received)>(new CommandDefinition(
            ReadSql, new { UserId = userId, Currency = currency, Until = until.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            transaction, cancellationToken: cancellationToken))).ToDictionary(r => DateOnly.FromDateTime(r.Day), r => r.Received);
        if (rows.Count == 0) return [];
        var first = rows.Keys.Min();
        return Enumerable.Range(0, until.DayNumber - first.DayNumber + 1)
            .Select(offset => first.AddDays(offset))
            .Select(day => (day, rows.GetValueOrDefault(day)))
            .ToList();
    }
}
