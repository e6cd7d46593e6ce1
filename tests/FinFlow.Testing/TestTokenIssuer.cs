using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Testing;

/// <summary>
/// Signs FinFlow-shaped access tokens (ES256, issuer finflow-auth, audience finflow-api) with a key of its
/// own, and serves the matching JWKS, so a service under test validates real tokens without the auth service.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    public const string Issuer = "finflow-auth";
    public const string Audience = "finflow-api";
    private const string Kid = "test-key";
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public string Token(Guid userId, string role = "USER") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
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

    /// <summary>A handler that answers every request (the service's JWKS fetch) with this issuer's keys.</summary>
    public HttpMessageHandler JwksHandler() => new StaticJsonHandler(Jwks());

    /// <summary>The <c>sub</c> of a bearer token, read without checking it (for stand-ins that only need to know who asked).</summary>
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

    private sealed class StaticJsonHandler(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
