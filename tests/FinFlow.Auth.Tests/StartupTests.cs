using System.Net;
using FinFlow.Auth.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Auth.Tests;

/// <summary>Auth refuses to start without usable secrets instead of running with something unsafe.</summary>
[Collection(AuthSuite.Name)]
public class StartupTests(AuthFixture auth)
{
    [Theory]
    [InlineData("Auth:SigningKeys", "{\"current\":{\"kid\":\"k\",\"pem\":\"not a key\"}}", "private key")]
    [InlineData("Auth:Admin", "{\"email\":\"admin@finflow.test\",\"password\":\"short\"}", "too weak")]
    [InlineData("Authentication:Jwt:Audience", "", "Authentication:Jwt:Audience")]
    public async Task A_bad_secret_or_setting_stops_the_start(string key, string value, string expected)
    {
        var database = await auth.Postgres.CreateDatabaseAsync("authbad");
        await using var factory = new AuthFactory(database, auth.SidecarPort, auth.Keys, new Dictionary<string, string> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_is_ok_and_the_openapi_document_lists_the_routes()
    {
        var client = auth.Client().Http;

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
        var document = await client.GetStringAsync("/swagger/v1/swagger.json");
        foreach (var path in new[] { "/auth/register", "/auth/login", "/auth/refresh", "/auth/logout", "/auth/me", "/auth/users", "/auth/.well-known/jwks.json" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
