using FinFlow.Auth.Users;

namespace FinFlow.Auth.Sessions;

/// <summary>A login's result: the user and their first refresh token, or why not (with when to retry when locked).</summary>
public sealed record LoginOutcome(UserRecord? User, string? RefreshToken, TimeSpan? LockedFor)
{
    public static LoginOutcome Rejected { get; } = new(null, null, null);

    public static LoginOutcome Locked(TimeSpan remaining) => new(null, null, remaining);
}
