using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Cli.Tests;

/// <summary>Forged and stale access tokens, made from a real one and (where needed) the platform's real signing key.</summary>
internal static class PlatformAttackTokens
{
    public static IReadOnlyDictionary<string, string> From(string validToken, string secretsFile)
    {
        var valid = new JsonWebToken(validToken);
        var realKey = RealKey(secretsFile);
        var claims = valid.Claims.Where(c => c.Type is "sub" or "email" or "role" or "jti").ToList();
        var otherKey = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = valid.Kid };
        return new Dictionary<string, string>
        {
            ["alg none"] = Unsigned(valid),
            ["another key"] = Sign(otherKey, claims, valid.Issuer, valid.Audiences.First(), DateTime.UtcNow.AddMinutes(10)),
            ["expired"] = Sign(realKey, claims, valid.Issuer, valid.Audiences.First(), DateTime.UtcNow.AddMinutes(-10)),
            ["another audience"] = Sign(realKey, claims, valid.Issuer, "someone-else", DateTime.UtcNow.AddMinutes(10)),
            ["tampered payload"] = Tamper(validToken),
        };
    }

    private static ECDsaSecurityKey RealKey(string secretsFile)
    {
        var secrets = JsonDocument.Parse(File.ReadAllText(secretsFile)).RootElement;
        var keys = JsonDocument.Parse(secrets.GetProperty("auth-signing-keys").GetString()!).RootElement.GetProperty("current");
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(keys.GetProperty("pem").GetString());
        return new ECDsaSecurityKey(ecdsa) { KeyId = keys.GetProperty("kid").GetString() };
    }

    private static string Sign(ECDsaSecurityKey key, IEnumerable<Claim> claims, string issuer, string audience, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = issuer,
            Audience = audience,
            NotBefore = expires.AddMinutes(-20),
            IssuedAt = expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });

    private static string Unsigned(JsonWebToken valid)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{valid.EncodedPayload}.";
    }

    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[1])).RootElement;
        var changed = payload.EnumerateObject().ToDictionary(p => p.Name, p => p.Name == "role" ? JsonSerializer.SerializeToElement("ADMIN") : p.Value.Clone());
        return $"{parts[0]}.{Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(changed)))}.{parts[2]}";
    }
}
