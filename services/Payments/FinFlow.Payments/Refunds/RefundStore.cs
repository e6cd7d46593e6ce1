using Dapper;
using Npgsql;

namespace FinFlow.Payments.Refunds;

/// <summary>The <c>refunds</c> SQL.</summary>
public static class RefundStore
{
    private const string PendingSumSql = """
        SELECT coalesce(sum(amount_minor), 0)::bigint FROM refunds WHERE payment_id = @PaymentId AND status = 'PENDING'
        """;

    private const string InsertSql = """
        INSERT INTO refunds (id, payment_id, user_id, amount_minor, currency, created_at)
        VALUES (@Id, @PaymentId, @UserId, @AmountMinor, @Currency, @CreatedAt)
        """;

    private const string SucceededSql = """
        UPDATE refunds SET status = 'SUCCEEDED', processor_refund_id = @ProcessorRefundId, completed_at = now() WHERE id = @Id AND status = 'PENDING'
        """;

    private const string FailedSql = """
        UPDATE refunds SET status = 'FAILED', processor_refund_id = @ProcessorRefundId, failure_message = @Message, completed_at = now()
         WHERE id = @Id AND status = 'PENDING'
        """;

    /// <summary>Refunds asked of the processor but not answered yet: they already count against what can be refunded.</summary>
    public static Task<long> PendingSumAsync(NpgsqlTransaction transaction, Guid paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return transaction.Connection!.ExecuteScalarAsync<long>(
            new CommandDefinition(PendingSumSql, new { PaymentId = paymentId }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task InsertAsync(
        NpgsqlTransaction transaction, Guid id, Guid paymentId, Guid userId, long amountMinor, string currency, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(InsertSql,
            new { Id = id, PaymentId = paymentId, UserId = userId, AmountMinor = amountMinor, Currency = currency, CreatedAt = createdAt },
            transaction, cancellationToken: cancellationToken));
    }

    public static async Task MarkSucceededAsync(NpgsqlTransaction transaction, Guid id, string? processorRefundId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(SucceededSql,
            new { Id = id, ProcessorRefundId = processorRefundId }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task MarkFailedAsync(NpgsqlDataSource db, Guid id, string? processorRefundId, string? message)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var connection = await db.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(FailedSql, new { Id = id, ProcessorRefundId = processorRefundId, Message = message }));
    }
}
