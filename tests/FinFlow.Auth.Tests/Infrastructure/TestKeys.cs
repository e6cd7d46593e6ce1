using System.Security.Cryptography;
using System.Text.Json;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>
/// Key material for one test run: the current and previous keys auth is configured with (the previous
/// one as a public key only, as after a rotation), and an attacker's key auth has never seen.
/// </summary>
internal sealed class TestKeys : IDisposable
{
    public const string CurrentKid = "test-current";
    public const string PreviousKid = "test-previous";

    public ECDsa Current { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ECDsa Previous { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public ECDsa Attacker { get; } = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The <c>auth-signing-keys</c> document, as the secret store would hand it over.</summary>
    public string SecretJson() => JsonSerializer.Serialize(new
    {
        current = new { kid = CurrentKid, pem = Current.ExportPkcs8PrivateKeyPem() },
        previous = new[] { new { kid = PreviousKid, pem = Previous.ExportSubjectPublicKeyInfoPem() } },
    });

    public void Dispose()
    {
        Current.Dispose();
        Previous.Dispose();
        Attacker.Dispose();
    }
}
