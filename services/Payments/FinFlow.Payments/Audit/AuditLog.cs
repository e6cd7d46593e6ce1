using System.Diagnostics;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace FinFlow.Payments.Audit;

/// <summary>
/// Writes <c>audit_log</c> rows: inside the caller's transaction when the action changes state (both commit
/// or neither does), on their own connection for refusals that change nothing.
/// </summary>
public sealed class AuditLog(NpgsqlDataSource db)
{
    private const string InsertSql = """
        INSERT INTO audit_log (action, outcome, user_id, payment_id, trace_id, detail)
        VALUES (@Action, @Outcome, @UserId, @PaymentId, @TraceId, CAST(@Detail AS jsonb))
        """;

    public static async Task WriteAsync(NpgsqlTransaction transaction, string action, string outcome, Guid? userId, Guid? paymentId,
        object? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            InsertSql, Row(action, outcome, userId, paymentId, detail), transaction, cancellationToken: cancellationToken));
    }

    public async Task WriteAsync(string action, string outcome, Guid? userId, Guid? paymentId, object? detail = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            InsertSql, Row(action, outcome, userId, paymentId, detail), cancellationToken: cancellationToken));
    }

    private static object Row(string action, string outcome, Guid? userId, Guid? paymentId, object? detail) => new
    {
        Action = action,
        Outcome = outcome,
        UserId = userId,
        PaymentId = paymentId,
        TraceId = Activity.Current?.TraceId.ToString(),
        Detail = detail is null ? null : JsonSerializer.Serialize(detail, JsonSerializerOptions.Web),
    };
}
