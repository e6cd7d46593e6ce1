using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>An ES256 key standing in for auth's: it signs test access tokens, and its public half is the JWKS the app is given.</summary>
public sealed class TestTokens : IDisposable
{
    public const string Issuer = "finflow-auth";
    public const string Audience = "finflow-api";
    private const string Kid = "payments-test-key";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string For(Guid userId, string role = "USER") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Expires = DateTime.UtcNow.AddMinutes(15),
        SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = Kid }, SecurityAlgorithms.EcdsaSha256),
        Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = role, ["jti"] = Guid.NewGuid().ToString("N") },
    });

    public string Jwks()
    {
        var q = _key.ExportParameters(false).Q;
        return JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = Kid, x = Base64UrlEncoder.Encode(q.X), y = Base64UrlEncoder.Encode(q.Y) } },
        });
    }

    /// <summary>The <c>sub</c> of a token, read without checking it: the accounting stand-in trusts the sidecar path, as accounting trusts its own validation.</summary>
    public static Guid? SubjectOf(string? authorization)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        try
        {
            var token = new JsonWebToken(authorization["Bearer ".Length..]);
            return Guid.TryParse(token.Subject, out var id) ? id : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public void Dispose() => _key.Dispose();
}
