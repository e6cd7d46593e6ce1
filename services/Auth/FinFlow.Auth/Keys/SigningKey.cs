using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Auth.Keys;

/// <summary>One P-256 key with its key id; the current one holds a private part, previous ones may not.</summary>
public sealed class SigningKey(string kid, ECDsa key) : IDisposable
{
    public string Kid { get; } = kid;

    public ECDsa Key { get; } = key;

    public ECDsaSecurityKey SecurityKey { get; } = new(key) { KeyId = kid };

    /// <summary>The public half as a JWK (RFC 7517/7518): what the JWKS publishes.</summary>
    public IReadOnlyDictionary<string, string> PublicJwk()
    {
        var parameters = Key.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["use"] = "sig",
            ["alg"] = SecurityAlgorithms.EcdsaSha256,
            ["kid"] = Kid,
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(parameters.Q.X),
            ["y"] = Base64UrlEncoder.Encode(parameters.Q.Y),
        };
    }

    /// <summary>RFC 7638 thumbprint: the key id used when the secret names none, stable for the same key.</summary>
    public static string Thumbprint(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var q = key.ExportParameters(includePrivateParameters: false).Q;
        var canonical = $$"""{"crv":"P-256","kty":"EC","x":"{{Base64UrlEncoder.Encode(q.X)}}","y":"{{Base64UrlEncoder.Encode(q.Y)}}"}""";
        return Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
    }

    public void Dispose() => Key.Dispose();
}
