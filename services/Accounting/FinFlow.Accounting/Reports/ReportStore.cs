using Dapper;
using FinFlow.Accounting.Accounts;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Accounting.Hosting;
using Npgsql;

namespace FinFlow.Accounting.Reports;

/// <summary>
/// Report SQL. Balances come from <c>account_daily_totals</c> (kept by the posting transaction), so the
/// cost grows with accounts × active days, never with the number of journal lines.
/// </summary>
public static class ReportStore
{
    private const string TrialBalanceSql = """
        SELECT a.code, a.name, a.type,
               coalesce(sum(t.debit_minor), 0)::bigint AS Debits, coalesce(sum(t.credit_minor), 0)::bigint AS Credits
          FROM accounts a
          LEFT JOIN account_daily_totals t ON t.account_id = a.id AND t.day <= CAST(@AsOf AS date)
         WHERE a.user_id = @Owner AND a.currency = @Currency
         GROUP BY a.id, a.code, a.name, a.type
         ORDER BY a.code
        """;

    private const string AgingSql = """
        SELECT currency,
               coalesce(sum(amount_minor - amount_paid_minor) FILTER (WHERE due_date > CAST(@AsOf AS date)), 0)::bigint AS Current,
               coalesce(sum(amount_minor - amount_paid_minor) FILTER (WHERE CAST(@AsOf AS date) - due_date BETWEEN 0 AND 30), 0)::bigint AS Days0To30,
               coalesce(sum(amount_minor - amount_paid_minor) FILTER (WHERE CAST(@AsOf AS date) - due_date BETWEEN 31 AND 60), 0)::bigint AS Days31To60,
               coalesce(sum(amount_minor - amount_paid_minor) FILTER (WHERE CAST(@AsOf AS date) - due_date BETWEEN 61 AND 90), 0)::bigint AS Days61To90,
               coalesce(sum(amount_minor - amount_paid_minor) FILTER (WHERE CAST(@AsOf AS date) - due_date > 90), 0)::bigint AS Days90Plus,
               count(*)::int AS OpenInvoices
          FROM invoices
         WHERE user_id = @Owner AND status IN ('PENDING', 'PARTIALLY_PAID') AND created_at < CAST(@AsOf AS date) + 1
         GROUP BY currency
         ORDER BY currency
        """;

    private const string CashAccountSql = "SELECT id FROM accounts WHERE user_id = @Owner AND currency = @Currency AND code = @Code";

    // Every period of the range appears, quiet ones with zeros; @Unit is one of the fixed words day/week/month.
    private const string CashFlowSql = """
        WITH periods AS (
            SELECT generate_series(date_trunc(@Unit, CAST(@From AS date)), date_trunc(@Unit, CAST(@To AS date)),
                                   CAST('1 ' || @Unit AS interval))::date AS period)
        SELECT p.period AS Period, coalesce(sum(t.debit_minor), 0)::bigint AS Inflow, coalesce(sum(t.credit_minor), 0)::bigint AS Outflow
          FROM periods p
          LEFT JOIN account_daily_totals t
                 ON t.account_id = @CashAccount AND t.day BETWEEN CAST(@From AS date) AND CAST(@To AS date)
                AND date_trunc(@Unit, t.day)::date = p.period
         GROUP BY p.period
         ORDER BY p.period
        """;

    public static async Task<TrialBalance> TrialBalanceAsync(NpgsqlDataSource db, Guid owner, Currency? currency, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (currency is null) return new TrialBalance(asOf, null, [], 0m, 0m);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Code, string Name, string Type, long Debits, long Credits)>(new CommandDefinition(
            TrialBalanceSql, new { Owner = owner, Currency = currency.Code, AsOf = QueryDates.Format(asOf) }, cancellationToken: cancellationToken));
        var lines = rows.Select(r =>
        {
            var net = checked(r.Debits - r.Credits);
            return new TrialBalanceLine(
                r.Code.Trim(), r.Name, r.Type, new Money(Math.Max(net, 0), currency).ToDecimal(), new Money(Math.Max(-net, 0), currency).ToDecimal());
        }).ToList();
        return new TrialBalance(asOf, currency.Code, lines, lines.Sum(l => l.Debit), lines.Sum(l => l.Credit));
    }

    public static async Task<AgingReport> AgingAsync(NpgsqlDataSource db, Guid owner, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgingRow>(new CommandDefinition(
            AgingSql, new { Owner = owner, AsOf = QueryDates.Format(asOf) }, cancellationToken: cancellationToken));
        return new AgingReport(asOf, rows.Select(r => r.ToBuckets()).ToList());
    }

    public static async Task<CashFlowReport> CashFlowAsync(
        NpgsqlDataSource db, Guid owner, Currency? currency, DateOnly from, DateOnly to, CashFlowGranularity granularity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        Guid? cash = currency is null
            ? null
            : await connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(
                CashAccountSql, new { Owner = owner, Currency = currency.Code, Code = AccountCodes.Cash }, cancellationToken: cancellationToken));
        var unit = granularity.ToString().ToLowerInvariant();
        var rows = await connection.QueryAsync<(DateTime Period, long Inflow, long Outflow)>(new CommandDefinition(
            CashFlowSql,
            new { Unit = unit, From = QueryDates.Format(from), To = QueryDates.Format(to), CashAccount = cash ?? Guid.Empty },
            cancellationToken: cancellationToken));
        var points = rows.Select(r => currency is null
            ? new CashFlowPoint(DateOnly.FromDateTime(r.Period), 0m, 0m, 0m)
            : new CashFlowPoint(
                DateOnly.FromDateTime(r.Period),
                new Money(r.Inflow, currency).ToDecimal(),
                new Money(r.Outflow, currency).ToDecimal(),
                new Money(checked(r.Inflow - r.Outflow), currency).ToDecimal())).ToList();
        return new CashFlowReport(currency?.Code, unit, from, to, points);
    }

    private sealed class AgingRow
    {
        public string Currency { get; init; } = string.Empty;

        public long Current { get; init; }

        public long Days0To30 { get; init; }

        public long Days31To60 { get; init; }

        public long Days61To90 { get; init; }

        public long Days90Plus { get; init; }

        public int OpenInvoices { get; init; }

        public AgingBuckets ToBuckets()
        {
            var currency = Domain.Monetary.Currency.FromCode(Currency.Trim());
            decimal Major(long minor) => new Money(minor, currency).ToDecimal();
            return new AgingBuckets(
                currency.Code, Major(Current), Major(Days0To30), Major(Days31To60), Major(Days61To90), Major(Days90Plus),
                Major(checked(Current + Days0To30 + Days31To60 + Days61To90 + Days90Plus)), OpenInvoices);
        }
    }
}
