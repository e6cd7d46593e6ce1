using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace FinFlow.Cli.Platform;

/// <summary>
/// The auth service's secrets, created on the first <c>up</c> and kept in <c>.finflow/secrets.json</c>:
/// <c>auth-signing-keys</c> (an ES256 key in the format of services/Auth/README.md) and <c>auth-admin</c>
/// (the first admin's email and a random password). Only where to find the password is printed.
/// </summary>
public static class AuthSecrets
{
    public const string AppId = "auth";
    public const string SigningKeys = "auth-signing-keys";
    public const string Admin = "auth-admin";
    public const string AdminEmail = "admin@finflow.local";

    public static void Ensure(PlatformSecrets secrets, string secretsFile)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (!secrets.Contains(SigningKeys))
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var kid = string.Create(CultureInfo.InvariantCulture, $"local-{DateTime.UtcNow:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");
            secrets[SigningKeys] = JsonSerializer.Serialize(new
            {
                current = new { kid, pem = key.ExportPkcs8PrivateKeyPem() },
                previous = Array.Empty<object>(),
            });
        }

        // The password is generated once and kept; auth reads it only when it creates the admin.
        secrets[Admin] = JsonSerializer.Serialize(new { email = AdminEmail, password = secrets.Generated("auth-admin-password") });
        Console.Out.WriteLine($"  auth admin: {AdminEmail}, password in {secretsFile} (\"auth-admin-password\")");
    }
}
