using System.Security.Cryptography;
using System.Text.Json;

namespace FinFlow.Auth.Keys;

/// <summary>
/// The keys from configuration <c>Auth:SigningKeys</c> (secret <c>auth-signing-keys</c>): the current
/// key signs, and current plus previous keys are published and accepted, so tokens signed before a
/// rotation stay valid until they expire. Format, in services/Auth/README.md:
/// <c>{"current": {"kid": "...", "pem": "-----BEGIN PRIVATE KEY-----..."}, "previous": [{"kid": "...", "pem": "..."}]}</c>.
/// </summary>
public sealed class SigningKeySet : IDisposable
{
    public const string ConfigurationKey = "Auth:SigningKeys";

    private SigningKeySet(SigningKey current, IReadOnlyList<SigningKey> previous)
    {
        Current = current;
        Previous = previous;
    }

    public SigningKey Current { get; }

    public IReadOnlyList<SigningKey> Previous { get; }

    public IEnumerable<SigningKey> All => Previous.Prepend(Current);

    public static SigningKeySet Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InvalidOperationException($"No signing keys: set secret 'auth-signing-keys' (configuration '{ConfigurationKey}').");
        }

        SigningKeysDocument document;
        try
        {
            document = JsonSerializer.Deserialize<SigningKeysDocument>(json, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException("The signing keys document is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"'{ConfigurationKey}' is not a JSON signing keys document.", e);
        }

        var current = Load(document.Current ?? throw new InvalidOperationException($"'{ConfigurationKey}' has no 'current' key."), requirePrivate: true);
        var previous = (document.Previous ?? []).Select(entry => Load(entry, requirePrivate: false)).ToList();
        var kids = previous.Select(k => k.Kid).Prepend(current.Kid).ToList();
        if (kids.Distinct(StringComparer.Ordinal).Count() != kids.Count) throw new InvalidOperationException($"'{ConfigurationKey}' repeats a key id.");
        return new SigningKeySet(current, previous);
    }

    public void Dispose()
    {
        foreach (var key in All) key.Dispose();
    }

    private static SigningKey Load(SigningKeysDocument.Entry entry, bool requirePrivate)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(entry.Pem ?? throw new InvalidOperationException($"A key in '{ConfigurationKey}' has no 'pem'."));
            if (ecdsa.KeySize != 256) throw new InvalidOperationException("Signing keys must be P-256 (ES256).");
            if (requirePrivate) ecdsa.ExportParameters(includePrivateParameters: true);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException(
                requirePrivate ? "The current signing key must be a P-256 private key in PEM." : "A previous signing key is not a P-256 key in PEM.", e);
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }

        var kid = string.IsNullOrWhiteSpace(entry.Kid) ? SigningKey.Thumbprint(ecdsa) : entry.Kid;
        return new SigningKey(kid, ecdsa);
    }
}
