using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Benchmarks;

/// <summary>
/// Access tokens as auth issues them (ES256, issuer <c>finflow-auth</c>, audience <c>finflow-api</c>, <c>sub</c> = user id),
/// signed with a key made for this run; its public half is the JWKS the sidecar stand-in serves.
/// </summary>
public sealed class AccountingTokens : IDisposable
{
    public const string Issuer = "finflow-auth";
    public const string Audience = "finflow-api";
    private const string KeyId = "accounting-benchmark";

    // Longer than auth's 15 minutes on purpose: loading a million journal lines plus the runs can outlast that.
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(4);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string Jwks()
    {
        var q = _key.ExportParameters(includePrivateParameters: false).Q;
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = KeyId, x = Base64UrlEncoder.Encode(q.X), y = Base64UrlEncoder.Encode(q.Y) },
            },
        });
    }

    public string Issue(Guid userId) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow + Lifetime,
        SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256),
        Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = "USER", ["jti"] = Guid.NewGuid().ToString("N") },
    });

    public void Dispose() => _key.Dispose();
}
