namespace FinFlow.Auth.Tokens;

/// <summary>What presenting a refresh token led to.</summary>
public enum RefreshStatus
{
    Rotated,
    Invalid,
    Reused,
}
