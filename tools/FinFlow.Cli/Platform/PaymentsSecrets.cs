using System.Security.Cryptography;

namespace FinFlow.Cli.Platform;

/// <summary>
/// The payments service's secrets, created on the first <c>up</c> and kept in <c>.finflow/secrets.json</c>:
/// <c>payments-card-key</c> (base64 of 32 random bytes: the AES-256 key for card brand and last4 at rest) and
/// <c>payments-webhook-secret</c> (the <c>whsec_...</c> secret the simulated processor signs its webhooks with).
/// No <c>payments-stripe-api-key</c> is written, so payments runs its simulated processor.
/// </summary>
public static class PaymentsSecrets
{
    public const string AppId = "payments";
    public const string CardKey = "payments-card-key";
    public const string WebhookSecret = "payments-webhook-secret";

    public static void Ensure(PlatformSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        // Kept once made: a new card key would leave every stored card summary unreadable.
        if (!secrets.Contains(CardKey)) secrets[CardKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        if (!secrets.Contains(WebhookSecret)) secrets[WebhookSecret] = $"whsec_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24))}";
    }
}
