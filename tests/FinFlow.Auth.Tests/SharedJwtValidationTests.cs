using System.Net;
using System.Net.Http.Headers;
using FinFlow.Auth.Tests.Infrastructure;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace FinFlow.Auth.Tests;

/// <summary>
/// The shared extension in a separate app, fetching keys from the real auth app through a sidecar
/// invoke route on a real port (the stand-in forwards to auth in-process, since WebApplicationFactory
/// hosts auth without a socket).
/// </summary>
[Collection(AuthSuite.Name)]
public class SharedJwtValidationTests(AuthFixture auth)
{
    [Fact]
    public async Task Another_service_accepts_auths_tokens_with_keys_fetched_through_dapr_invocation()
    {
        await using var sidecar = await DaprInvokeStandIn.StartAsync(() => auth.Factory.CreateClient());
        await using var service = await ProtectedTestApp.StartAsync(sidecar.Port, "sidecar-api-token");
        var (_, tokens) = await auth.Client().NewUserAsync();
        var userId = TokenForge.Payload(tokens.AccessToken).GetProperty("sub").GetString();

        var response = await Send(service, "/whoami", tokens.AccessToken);
        await Send(service, "/whoami", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(userId, await response.Content.ReadAsStringAsync());
        var call = Assert.Single(sidecar.Calls);
        Assert.Equal((".well-known/jwks.json", "sidecar-api-token"), call);
        Assert.Equal(2, service.Keys.Keys.Count);
    }

    [Fact]
    public async Task Another_service_rejects_forged_tokens_and_enforces_roles()
    {
        await using var sidecar = await DaprInvokeStandIn.StartAsync(() => auth.Factory.CreateClient());
        await using var service = await ProtectedTestApp.StartAsync(sidecar.Port, "t");
        var (_, tokens) = await auth.Client().NewUserAsync();
        var userId = Guid.Parse(TokenForge.Payload(tokens.AccessToken).GetProperty("sub").GetString()!);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, "/whoami", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, "/whoami", TokenForge.AlgNone(tokens.AccessToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, "/whoami", TokenForge.Tampered(tokens.AccessToken))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Send(service, "/whoami", TokenForge.Sign(auth.Keys.Attacker, TestKeys.CurrentKid, userId))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Send(service, "/whoami", TokenForge.Sign(auth.Keys.Current, TestKeys.CurrentKid, userId, audience: "other"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Send(service, "/whoami", TokenForge.Sign(auth.Keys.Current, TestKeys.CurrentKid, userId, expires: DateTime.UtcNow.AddMinutes(-2)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(service, "/admin-only", tokens.AccessToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await Send(service, "/whoami", TokenForge.Sign(auth.Keys.Previous, TestKeys.PreviousKid, userId))).StatusCode);
    }

    [Fact]
    public async Task A_forged_kid_does_not_make_every_request_call_auth()
    {
        await using var sidecar = await DaprInvokeStandIn.StartAsync(() => auth.Factory.CreateClient());
        await using var service = await ProtectedTestApp.StartAsync(sidecar.Port, "t");

        for (var i = 0; i < 5; i++)
        {
            var forged = TokenForge.Sign(auth.Keys.Attacker, $"made-up-{i}", Guid.NewGuid());
            Assert.Equal(HttpStatusCode.Unauthorized, (await Send(service, "/whoami", forged)).StatusCode);
        }

        Assert.Single(sidecar.Calls);
    }

    [Theory]
    [InlineData(null, "finflow-api")]
    [InlineData("finflow-auth", null)]
    [InlineData("", "")]
    public void Start_up_fails_when_issuer_or_audience_is_missing(string? issuer, string? audience)
    {
        var builder = WebApplication.CreateBuilder();
        // The test folder holds auth's appsettings.json (copied with the project reference); start from nothing.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        if (issuer is not null) builder.Configuration["Authentication:Jwt:Issuer"] = issuer;
        if (audience is not null) builder.Configuration["Authentication:Jwt:Audience"] = audience;

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFinFlowJwtAuthentication());

        Assert.Contains("Authentication:Jwt:", error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> Send(ProtectedTestApp service, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await service.Client().SendAsync(request);
    }
}
