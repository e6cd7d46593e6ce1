using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.Auth.Tests.Infrastructure;

internal static class JwksJson
{
    public static string For(params (string Kid, ECDsa Key)[] keys) => JsonSerializer.Serialize(new
    {
        keys = keys.Select(k =>
        {
            var q = k.Key.ExportParameters(false).Q;
            return new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = k.Kid, x = Base64UrlEncoder.Encode(q.X), y = Base64UrlEncoder.Encode(q.Y) };
        }),
    });
}
