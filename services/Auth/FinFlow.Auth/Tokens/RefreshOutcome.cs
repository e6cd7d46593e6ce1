using FinFlow.Auth.Users;

namespace FinFlow.Auth.Tokens;

/// <summary>The result of a refresh: the new token and its user when rotated.</summary>
public sealed record RefreshOutcome(RefreshStatus Status, UserRecord? User = null, string? NewToken = null);
