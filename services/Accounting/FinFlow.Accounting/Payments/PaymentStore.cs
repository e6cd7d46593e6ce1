using Dapper;
using FinFlow.Accounting.Domain.Monetary;
using Npgsql;

namespace FinFlow.Accounting.Payments;

/// <summary>Reads what the payment events recorded: an invoice's payments and the owner's unmatched payments.</summary>
public static class PaymentStore
{
    private const string InvoicePaymentsSql = """
        SELECT payment_id AS PaymentId, currency, amount_minor AS Amount, applied_minor AS Applied, credit_minor AS Credit,
               fee_minor AS Fee, refunded_minor AS Refunded, processor_reference AS Reference, completed_at AS At
          FROM invoice_payments WHERE invoice_id = @InvoiceId AND user_id = @Owner
         ORDER BY completed_at, payment_id
        """;

    private const string UnmatchedSql = """
        SELECT payment_id AS PaymentId, invoice_id AS InvoiceId, currency, amount_minor AS Amount, fee_minor AS Fee,
               refunded_minor AS Refunded, reason, processor_reference AS Reference, received_at AS At
          FROM unmatched_payments WHERE user_id = @Owner
         ORDER BY received_at DESC, payment_id
         LIMIT 500
        """;

    public static async Task<IReadOnlyList<InvoicePaymentView>> ForInvoiceAsync(NpgsqlDataSource db, Guid owner, Guid invoiceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(InvoicePaymentsSql, new { InvoiceId = invoiceId, Owner = owner }, cancellationToken: cancellationToken));
        return rows.Select(r => new InvoicePaymentView(
            r.PaymentId, r.Major(r.Amount), r.Major(r.Applied), r.Major(r.Credit), r.Major(r.Fee), r.Major(r.Refunded), r.Reference, r.Instant)).ToList();
    }

    public static async Task<IReadOnlyList<UnmatchedPaymentView>> UnmatchedAsync(NpgsqlDataSource db, Guid owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(UnmatchedSql, new { Owner = owner }, cancellationToken: cancellationToken));
        return rows.Select(r => new UnmatchedPaymentView(
            r.PaymentId, r.InvoiceId, r.Major(r.Amount), r.Major(r.Fee), r.Major(r.Refunded), r.Currency.Trim(), r.Reason, r.Reference, r.Instant)).ToList();
    }

    private sealed class Row
    {
        public Guid PaymentId { get; init; }

        public Guid InvoiceId { get; init; }

        public string Currency { get; init; } = string.Empty;

        public long Amount { get; init; }

        public long Applied { get; init; }

        public long Credit { get; init; }

        public long Fee { get; init; }

        public long Refunded { get; init; }

        public string Reason { get; init; } = string.Empty;

        public string Reference { get; init; } = string.Empty;

        public DateTime At { get; init; }

        public DateTimeOffset Instant => new(DateTime.SpecifyKind(At, DateTimeKind.Utc));

        public decimal Major(long minor) => new Money(minor, Domain.Monetary.Currency.FromCode(Currency.Trim())).ToDecimal();
    }
}
