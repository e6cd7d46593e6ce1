using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>Builds the tokens an attacker (or a clock) would produce.</summary>
internal static class TokenForge
{
    public const string Issuer = "finflow-auth";
    public const string Audience = "finflow-api";

    public static string Sign(ECDsa key, string kid, Guid userId, string role = "USER", string audience = Audience,
        DateTime? expires = null, string issuer = Issuer)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(15);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddMinutes(-15),
            NotBefore = exp.AddMinutes(-15),
            Expires = exp,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = kid }, SecurityAlgorithms.EcdsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = userId.ToString(), ["email"] = "forged@finflow.test", ["role"] = role, ["jti"] = Guid.NewGuid().ToString("N"),
            },
        });
    }

    /// <summary>The payload of a real token with the header switched to <c>alg: none</c> and no signature.</summary>
    public static string AlgNone(string realToken)
    {
        var parts = realToken.Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{parts[1]}.";
    }

    /// <summary>A real token whose payload was edited (role raised to ADMIN) while the signature was kept.</summary>
    public static string Tampered(string realToken)
    {
        var parts = realToken.Split('.');
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(parts[1]))!.AsObject();
        payload["role"] = "ADMIN";
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }

    public static JsonElement Payload(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement;

    public static JsonElement Header(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[0])).RootElement;
}
