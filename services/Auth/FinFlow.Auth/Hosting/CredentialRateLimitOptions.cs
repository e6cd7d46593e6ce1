namespace FinFlow.Auth.Hosting;

/// <summary>Per-IP limit on login and register together, section <c>Auth:RateLimit</c>.</summary>
public sealed class CredentialRateLimitOptions
{
    public const string SectionName = "Auth:RateLimit";

    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}
