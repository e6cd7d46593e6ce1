using FinFlow.Auth.Audit;
using FinFlow.Auth.Passwords;
using FinFlow.Auth.Tokens;
using FinFlow.Auth.Users;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FinFlow.Auth.Sessions;

/// <summary>
/// Checks credentials. A missing account and a wrong password give the same answer after the same
/// Argon2id work (the dummy hash); failures count towards the account's lockout; every attempt is audited.
/// </summary>
public sealed class LoginService(
    NpgsqlDataSource db, UserStore users, Argon2idPasswordHasher hasher, RefreshTokenService refreshTokens,
    AuditLog audit, IOptions<LockoutOptions> lockout, TimeProvider time)
{
    public async Task<LoginOutcome> LoginAsync(string email, string password, RequestOrigin origin)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            await hasher.VerifyAsync(password, storedHash: null);
            await audit.WriteAsync(AuditActions.LoginFailed, origin, null, email, new { reason = "unknown_email" });
            return LoginOutcome.Rejected;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (user.LockedUntil is { } lockedUntil && lockedUntil > now)
        {
            await audit.WriteAsync(AuditActions.LoginWhileLocked, origin, user.Id, user.Email);
            return LoginOutcome.Locked(lockedUntil - now);
        }

        var valid = await hasher.VerifyAsync(password, user.PasswordHash);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!valid)
        {
            var settings = lockout.Value;
            var lockedNow = await users.RecordFailureAsync(connection, transaction, user.Id, settings.MaxFailedAttempts, TimeSpan.FromMinutes(settings.LockoutMinutes));
            await audit.WriteAsync(connection, transaction, AuditActions.LoginFailed, origin, user.Id, user.Email, new { reason = "wrong_password" });
            if (lockedNow is { } until && until > now)
            {
                await audit.WriteAsync(connection, transaction, AuditActions.AccountLocked, origin, user.Id, user.Email, new { lockedUntil = until });
            }

            await transaction.CommitAsync();
            return LoginOutcome.Rejected;
        }

        var rehash = hasher.NeedsRehash(user.PasswordHash) ? await hasher.HashAsync(password) : null;
        await users.RecordSuccessAsync(connection, transaction, user.Id, rehash);
        var refreshToken = await refreshTokens.StartFamilyAsync(connection, transaction, user.Id);
        await audit.WriteAsync(connection, transaction, AuditActions.LoginSucceeded, origin, user.Id, user.Email);
        await transaction.CommitAsync();
        return new LoginOutcome(user, refreshToken, null);
    }
}
