using FinFlow.Auth.Audit;
using FinFlow.Auth.Passwords;
using FinFlow.Auth.Users;
using FinFlow.ServiceDefaults.Authentication;
using Npgsql;

namespace FinFlow.Auth.Admin;

/// <summary>
/// Creates the configured admin on first start. Registered after the database so it runs once the
/// migrations are applied. An existing account with that email keeps its password and is made ADMIN
/// (audited as a role change); the password is never reset from configuration after the first start.
/// </summary>
public sealed partial class AdminBootstrap(
    AdminAccountSettings settings, NpgsqlDataSource db, UserStore users, Argon2idPasswordHasher hasher, AuditLog audit, ILogger<AdminBootstrap> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var existing = await users.FindByEmailAsync(settings.Email);
        if (existing is { Role: FinFlowRoles.Admin }) return;

        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var origin = RequestOrigin.Internal();
        if (existing is null)
        {
            if (PasswordPolicy.Check(settings.Password, settings.Email) is { } weakness)
            {
                throw new InvalidOperationException($"The admin password in 'auth-admin' is too weak: {weakness}");
            }

            var created = await users.InsertAsync(connection, transaction, settings.Email, await hasher.HashAsync(settings.Password), FinFlowRoles.Admin);
            if (created is null) return; // another replica created it first
            await audit.WriteAsync(connection, transaction, AuditActions.AdminCreated, origin, created.Id, created.Email);
            LogCreated(logger, created.Id);
        }
        else
        {
            await users.SetRoleAsync(connection, transaction, existing.Id, FinFlowRoles.Admin);
            await audit.WriteAsync(connection, transaction, AuditActions.RoleChanged, origin, existing.Id, existing.Email,
                new { from = existing.Role, to = FinFlowRoles.Admin, by = "auth-admin secret" });
            LogPromoted(logger, existing.Id);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin account {UserId} from the auth-admin secret")]
    private static partial void LogCreated(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Made existing account {UserId} an admin, as named by the auth-admin secret")]
    private static partial void LogPromoted(ILogger logger, Guid userId);
}
