using System.Text.Json;
using Dapper;
using Npgsql;

namespace FinFlow.Auth.Audit;

/// <summary>Writes <c>audit_log</c> rows, in the caller's transaction when the action changes state, so both commit or neither does.</summary>
public sealed class AuditLog(NpgsqlDataSource db)
{
    private const string InsertSql = """
        INSERT INTO audit_log (action, user_id, email, ip, trace_id, detail)
        VALUES (@Action, @UserId, @Email, @Ip, @TraceId, CAST(@Detail AS jsonb))
        """;

    public async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string action, RequestOrigin origin, Guid? userId, string? email, object? detail = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(origin);
        await connection.ExecuteAsync(InsertSql, new
        {
            Action = action,
            UserId = userId,
            Email = email,
            origin.Ip,
            origin.TraceId,
            Detail = detail is null ? null : JsonSerializer.Serialize(detail, JsonSerializerOptions.Web),
        }, transaction);
    }

    public async Task WriteAsync(string action, RequestOrigin origin, Guid? userId, string? email, object? detail = null)
    {
        await using var connection = await db.OpenConnectionAsync();
        await WriteAsync(connection, null, action, origin, userId, email, detail);
    }
}
