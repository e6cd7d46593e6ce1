using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Auth.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Auth.Tests;

[Collection(AuthSuite.Name)]
public class JwksTests(AuthFixture auth)
{
    [Theory]
    [InlineData("/auth/.well-known/jwks.json")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Jwks_publishes_the_current_and_previous_public_keys_with_their_kid(string path)
    {
        var response = await auth.Client().Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("keys").EnumerateArray().ToList();
        Assert.Equal([TestKeys.CurrentKid, TestKeys.PreviousKid], keys.Select(k => k.GetProperty("kid").GetString()).ToList());
        foreach (var key in keys)
        {
            Assert.Equal("EC", key.GetProperty("kty").GetString());
            Assert.Equal("P-256", key.GetProperty("crv").GetString());
            Assert.Equal("ES256", key.GetProperty("alg").GetString());
            Assert.Equal("sig", key.GetProperty("use").GetString());
            Assert.False(key.TryGetProperty("d", out _), "a private key part was published");
        }

        var current = auth.Keys.Current.ExportParameters(false);
        Assert.Equal(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(current.Q.X), keys[0].GetProperty("x").GetString());
    }
}
