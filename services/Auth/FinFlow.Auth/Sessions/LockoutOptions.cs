namespace FinFlow.Auth.Sessions;

/// <summary>Per-account lockout, section <c>Auth:Lockout</c>: after this many wrong passwords in a row the account refuses logins for a while.</summary>
public sealed class LockoutOptions
{
    public const string SectionName = "Auth:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;
}
