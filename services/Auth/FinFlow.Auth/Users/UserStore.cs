using Dapper;
using Npgsql;

namespace FinFlow.Auth.Users;

/// <summary>SQL over <c>users</c>. Emails are compared through lower(), the expression the unique index is on.</summary>
public sealed class UserStore(NpgsqlDataSource db)
{
    private const string Columns =
        "id, email, password_hash AS passwordHash, role, created_at AS createdAt, failed_attempts AS failedAttempts, locked_until AS lockedUntil";

    private const string InsertSql = $"""
        INSERT INTO users (id, email, password_hash, role) VALUES (@Id, @Email, @PasswordHash, @Role)
        ON CONFLICT ((lower(email))) DO NOTHING
        RETURNING {Columns}
        """;

    private const string ByEmailSql = $"SELECT {Columns} FROM users WHERE lower(email) = lower(@Email)";

    private const string ByIdSql = $"SELECT {Columns} FROM users WHERE id = @Id";

    private const string PageSql = $"SELECT {Columns} FROM users ORDER BY created_at, id LIMIT @Limit OFFSET @Offset";

    private const string CountSql = "SELECT count(*) FROM users";

    /// <summary>
    /// Counts a failure; the one that reaches the limit locks the account and starts a fresh count, so
    /// after the lock expires the owner (or the attacker) gets the same number of tries again.
    /// </summary>
    private const string FailureSql = """
        UPDATE users SET
            failed_attempts = CASE WHEN failed_attempts + 1 >= @MaxAttempts THEN 0 ELSE failed_attempts + 1 END,
            locked_until = CASE WHEN failed_attempts + 1 >= @MaxAttempts THEN now() + @Lockout ELSE locked_until END
        WHERE id = @Id
        RETURNING locked_until
        """;

    private const string SuccessSql = """
        UPDATE users SET failed_attempts = 0, locked_until = NULL, password_hash = coalesce(@NewHash, password_hash) WHERE id = @Id
        """;

    private const string RoleSql = $"UPDATE users SET role = @Role WHERE id = @Id RETURNING {Columns}";

    public async Task<UserRecord?> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string email, string passwordHash, string role)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(
            InsertSql, new { Id = Guid.CreateVersion7(), Email = email, PasswordHash = passwordHash, Role = role }, transaction);
    }

    public async Task<UserRecord?> FindByEmailAsync(string email)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(ByEmailSql, new { Email = email });
    }

    public async Task<UserRecord?> FindAsync(Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(ByIdSql, new { Id = id });
    }

    public async Task<(IReadOnlyList<UserRecord> Users, long Total)> PageAsync(int page, int pageSize)
    {
        await using var connection = await db.OpenConnectionAsync();
        var users = await connection.QueryAsync<UserRecord>(PageSql, new { Limit = pageSize, Offset = (page - 1) * pageSize });
        var total = await connection.ExecuteScalarAsync<long>(CountSql);
        return (users.ToList(), total);
    }

    /// <summary>Records a failed password; returns when the account is locked until, if this failure locked it.</summary>
    public async Task<DateTime?> RecordFailureAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, int maxAttempts, TimeSpan lockout)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.ExecuteScalarAsync<DateTime?>(FailureSql, new { Id = id, MaxAttempts = maxAttempts, Lockout = lockout }, transaction);
    }

    public async Task RecordSuccessAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string? newHash)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.ExecuteAsync(SuccessSql, new { Id = id, NewHash = newHash }, transaction);
    }

    public async Task<UserRecord?> SetRoleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string role)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(RoleSql, new { Id = id, Role = role }, transaction);
    }
}
