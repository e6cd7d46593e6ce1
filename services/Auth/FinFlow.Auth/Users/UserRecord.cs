namespace FinFlow.Auth.Users;

/// <summary>A row of <c>users</c>.</summary>
public sealed record UserRecord(
    Guid Id, string Email, string PasswordHash, string Role, DateTime CreatedAt, int FailedAttempts, DateTime? LockedUntil);
