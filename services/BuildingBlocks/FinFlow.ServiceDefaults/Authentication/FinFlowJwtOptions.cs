namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>
/// Configuration section <c>Authentication:Jwt</c>, shared by the issuer (auth) and every validator, so
/// both sides read the same issuer and audience.
/// </summary>
public sealed class FinFlowJwtOptions
{
    public const string SectionName = "Authentication:Jwt";

    /// <summary>The only algorithm accepted: tokens are signed with an asymmetric key, so a symmetric or "none" token is an attack.</summary>
    public const string Algorithm = "ES256";

    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "";

    /// <summary>Dapr app id whose JWKS is fetched through service invocation.</summary>
    public string JwksAppId { get; set; } = "auth";

    /// <summary>Method path of the JWKS on that app.</summary>
    public string JwksMethod { get; set; } = ".well-known/jwks.json";

    /// <summary>Absolute JWKS address that bypasses the sidecar; for tests and tools only.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>Small on purpose: clocks of pods drift by seconds, not minutes, and tokens live 15 minutes.</summary>
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>How long fetched keys are trusted before the next request refreshes them.</summary>
    public int KeyRefreshMinutes { get; set; } = 10;

    /// <summary>Least time between two fetches, so tokens with made-up key ids cannot hammer auth.</summary>
    public int MinimumRefreshSeconds { get; set; } = 30;
}
