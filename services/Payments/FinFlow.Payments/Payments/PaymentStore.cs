using Dapper;
using Npgsql;

namespace FinFlow.Payments.Payments;

/// <summary>The <c>payments</c> SQL. Reads for callers are filtered by owner unless the caller is an admin.</summary>
public static class PaymentStore
{
    private const string Columns = """
        id, user_id AS UserId, invoice_id AS InvoiceId, amount_minor AS AmountMinor, currency, status, processor,
        payment_method AS PaymentMethod, processor_payment_id AS ProcessorPaymentId, card_details AS CardDetails,
        failure_code AS FailureCode, failure_message AS FailureMessage, fee_minor AS FeeMinor,
        amount_refunded_minor AS AmountRefundedMinor, created_at AS CreatedAt, updated_at AS UpdatedAt, completed_at AS CompletedAt
        """;

    private const string InsertSql = """
        INSERT INTO payments (id, user_id, invoice_id, amount_minor, currency, processor, payment_method)
        VALUES (@Id, @UserId, @InvoiceId, @AmountMinor, @Currency, @Processor, @PaymentMethod)
        """;

    private const string GetSql = $"SELECT {Columns} FROM payments WHERE id = @Id";

    private const string LockSql = $"SELECT {Columns} FROM payments WHERE id = @Id FOR UPDATE";

    private const string FindByProcessorIdSql = "SELECT id FROM payments WHERE processor_payment_id = @ProcessorPaymentId";

    private const string SaveSql = """
        UPDATE payments
           SET status = @Status, processor_payment_id = @ProcessorPaymentId, card_details = @CardDetails,
               failure_code = @FailureCode, failure_message = @FailureMessage, fee_minor = @FeeMinor,
               amount_refunded_minor = @AmountRefundedMinor, completed_at = @CompletedAt
         WHERE id = @Id
        """;

    // Money already promised to the invoice by this service: every attempt not known to have failed,
    // less what was refunded. Accounting learns of payments only through events, so it may lag behind.
    private const string CommittedSql = """
        SELECT coalesce(sum(amount_minor - amount_refunded_minor), 0)::bigint
          FROM payments WHERE invoice_id = @InvoiceId AND status <> 'FAILED'
        """;

    // Serializes charges of one invoice between the "what is still owed" check and the insert.
    private const string LockInvoiceSql = "SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0))";

    private const string ListSql = $"""
        SELECT {Columns} FROM payments
         WHERE user_id = @UserId
           AND (@Status::text IS NULL OR status = @Status::text)
           AND (@InvoiceId::uuid IS NULL OR invoice_id = @InvoiceId::uuid)
         ORDER BY created_at DESC, id DESC
         LIMIT @Limit OFFSET @Offset
        """;

    private const string CountSql = """
        SELECT count(*) FROM payments
         WHERE user_id = @UserId
           AND (@Status::text IS NULL OR status = @Status::text)
           AND (@InvoiceId::uuid IS NULL OR invoice_id = @InvoiceId::uuid)
        """;

    public static async Task InsertAsync(NpgsqlTransaction transaction, PaymentRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertSql, row, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<PaymentRow?> GetAsync(NpgsqlDataSource db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PaymentRow>(new CommandDefinition(GetSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    public static Task<PaymentRow?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Connection!.QuerySingleOrDefaultAsync<PaymentRow>(
            new CommandDefinition(LockSql, new { Id = id }, transaction, cancellationToken: cancellationToken));
    }

    public static Task<Guid?> FindByProcessorIdAsync(NpgsqlTransaction transaction, string processorPaymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Connection!.QuerySingleOrDefaultAsync<Guid?>(
            new CommandDefinition(FindByProcessorIdSql, new { ProcessorPaymentId = processorPaymentId }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task SaveAsync(NpgsqlTransaction transaction, PaymentRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(SaveSql, row, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Takes the invoice's lock for the rest of the transaction and returns what this service already holds against it.</summary>
    public static async Task<long> LockInvoiceAndSumCommittedAsync(NpgsqlTransaction transaction, Guid invoiceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(LockInvoiceSql, new { Key = $"invoice:{invoiceId}" }, transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CommittedSql, new { InvoiceId = invoiceId }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<(IReadOnlyList<PaymentRow> Rows, long Total)> ListAsync(
        NpgsqlDataSource db, Guid userId, string? status, Guid? invoiceId, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var args = new { UserId = userId, Status = status, InvoiceId = invoiceId, Limit = pageSize, Offset = (long)(page - 1) * pageSize };
        var rows = await connection.QueryAsync<PaymentRow>(new CommandDefinition(ListSql, args, cancellationToken: cancellationToken));
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountSql, args, cancellationToken: cancellationToken));
        return (rows.ToList(), total);
    }
}
