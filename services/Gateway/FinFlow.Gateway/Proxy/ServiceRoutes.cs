namespace FinFlow.Gateway.Proxy;

/// <summary>The services behind the gateway and the few paths a client may call without a token.</summary>
public static class ServiceRoutes
{
    public static IReadOnlyList<string> Services { get; } = ["auth", "payments", "accounting", "analytics", "credit"];

    /// <summary>Anonymous (method, path under /api) pairs: getting a token, the keys to check one, and processor webhooks.</summary>
    public static IReadOnlyList<(string Method, string Path)> Anonymous { get; } =
    [
        ("POST", "/api/auth/register"),
        ("POST", "/api/auth/login"),
        ("POST", "/api/auth/refresh"),
        ("GET", "/api/auth/.well-known/jwks.json"),
        // Stripe calls this; the payments service verifies the Stripe-Signature header instead of a JWT.
        ("POST", "/api/payments/webhook"),
    ];
}
