using Dapper;
using FinFlow.Auth.Audit;
using FinFlow.Auth.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Auth.Tokens;

/// <summary>
/// Refresh token families: login starts one, every refresh spends the presented token and adds its
/// successor, and presenting a spent token revokes the family — the legitimate client and a thief cannot
/// both keep going, and the one holding the newer token is logged out too, which is the point.
/// </summary>
public sealed class RefreshTokenService(NpgsqlDataSource db, AuditLog audit, UserStore users, IOptions<TokenOptions> options)
{
    private const string NewFamilySql = "INSERT INTO refresh_token_families (id, user_id) VALUES (@Id, @UserId)";

    private const string InsertTokenSql = """
        INSERT INTO refresh_tokens (token_hash, family_id, expires_at) VALUES (@Hash, @FamilyId, now() + @Lifetime)
        """;

    // Locks the family too, so two refreshes racing on tokens of one family are decided one after the other.
    private const string FindSql = """
        SELECT t.family_id AS familyId, f.user_id AS userId, t.expires_at < now() AS expired,
               t.used_at IS NOT NULL AS used, f.revoked_at IS NOT NULL AS revoked
        FROM refresh_tokens t JOIN refresh_token_families f ON f.id = t.family_id
        WHERE t.token_hash = @Hash
        FOR UPDATE OF t, f
        """;

    private const string SpendSql = "UPDATE refresh_tokens SET used_at = now() WHERE token_hash = @Hash";

    private const string RevokeSql = """
        UPDATE refresh_token_families SET revoked_at = now(), revoked_reason = @Reason WHERE id = @FamilyId AND revoked_at IS NULL
        """;

    private TimeSpan Lifetime => TimeSpan.FromDays(options.Value.RefreshTokenDays);

    /// <summary>Starts a family for a new login and returns its first token.</summary>
    public async Task<string> StartFamilyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var familyId = Guid.CreateVersion7();
        await connection.ExecuteAsync(NewFamilySql, new { Id = familyId, UserId = userId }, transaction);
        return await AddTokenAsync(connection, transaction, familyId);
    }

    public async Task<RefreshOutcome> RotateAsync(string token, RequestOrigin origin)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var hash = RefreshTokenValue.Hash(token);
        var found = await connection.QuerySingleOrDefaultAsync<TokenRow>(FindSql, new { Hash = hash }, transaction);
        if (found is null) return new RefreshOutcome(RefreshStatus.Invalid);

        if (found.Used)
        {
            await connection.ExecuteAsync(RevokeSql, new { found.FamilyId, Reason = "reuse" }, transaction);
            await audit.WriteAsync(connection, transaction, AuditActions.RefreshReused, origin, found.UserId, null,
                new { familyId = found.FamilyId, familyAlreadyRevoked = found.Revoked });
            await transaction.CommitAsync();
            return new RefreshOutcome(RefreshStatus.Reused);
        }

        if (found.Revoked || found.Expired) return new RefreshOutcome(RefreshStatus.Invalid);

        await connection.ExecuteAsync(SpendSql, new { Hash = hash }, transaction);
        var next = await AddTokenAsync(connection, transaction, found.FamilyId);
        await transaction.CommitAsync();
        var user = await users.FindAsync(found.UserId);
        return user is null ? new RefreshOutcome(RefreshStatus.Invalid) : new RefreshOutcome(RefreshStatus.Rotated, user, next);
    }

    /// <summary>Revokes the family of a token that belongs to <paramref name="userId"/>; false when there is no such token.</summary>
    public async Task<bool> RevokeFamilyAsync(string token, Guid userId, RequestOrigin origin)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var found = await connection.QuerySingleOrDefaultAsync<TokenRow>(FindSql, new { Hash = RefreshTokenValue.Hash(token) }, transaction);
        // Someone else's token is treated as unknown: logging out must not let one user end another's session.
        if (found is null || found.UserId != userId) return false;
        await connection.ExecuteAsync(RevokeSql, new { found.FamilyId, Reason = "logout" }, transaction);
        await audit.WriteAsync(connection, transaction, AuditActions.Logout, origin, userId, null, new { familyId = found.FamilyId });
        await transaction.CommitAsync();
        return true;
    }

    private async Task<string> AddTokenAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid familyId)
    {
        var token = RefreshTokenValue.New();
        await connection.ExecuteAsync(InsertTokenSql, new { Hash = RefreshTokenValue.Hash(token), FamilyId = familyId, Lifetime }, transaction);
        return token;
    }

    private sealed record TokenRow(Guid FamilyId, Guid UserId, bool Expired, bool Used, bool Revoked);
}
