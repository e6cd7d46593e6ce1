namespace FinFlow.Auth.Tokens;

/// <summary>Token lifetimes, section <c>Auth:Tokens</c>. Issuer and audience come from <c>Authentication:Jwt</c>, shared with every validator.</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Auth:Tokens";

    /// <summary>Short, because an access token cannot be revoked before it expires.</summary>
    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary>Each refresh token lives this long; rotation issues a fresh one every time.</summary>
    public int RefreshTokenDays { get; set; } = 14;
}
