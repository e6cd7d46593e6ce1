using System.Net;
using System.Net.Http.Json;
using FinFlow.Auth.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Auth.Tests;

[Collection(AuthSuite.Name)]
public class RefreshAndLogoutTests(AuthFixture auth)
{
    [Fact]
    public async Task Refresh_answers_a_new_pair_and_the_old_refresh_token_stops_working()
    {
        var client = auth.Client();
        var (_, first) = await client.NewUserAsync();

        var response = await client.RefreshAsync(first.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = TokenSet.From(await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.NotEqual(first.AccessToken, second.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/auth/me", second.AccessToken)).StatusCode);
        await AuthClient.ProblemAsync(await client.RefreshAsync(first.RefreshToken), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reusing_a_spent_refresh_token_revokes_the_whole_family_and_is_audited()
    {
        var client = auth.Client();
        var (_, first) = await client.NewUserAsync();
        var userId = Guid.Parse(TokenForge.Payload(first.AccessToken).GetProperty("sub").GetString()!);
        var second = TokenSet.From(await (await client.RefreshAsync(first.RefreshToken)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());

        await AuthClient.ProblemAsync(await client.RefreshAsync(first.RefreshToken), HttpStatusCode.Unauthorized);

        // The thief replayed the old token; the newest one, whoever holds it, is dead too.
        await AuthClient.ProblemAsync(await client.RefreshAsync(second.RefreshToken), HttpStatusCode.Unauthorized);
        var audit = Assert.Single(await auth.AuditAsync("refresh_token_reused", userId));
        Assert.Contains("familyId", audit.Detail, StringComparison.Ordinal);
        // A separate login is a separate family and is not affected.
        var again = await client.LoginOkAsync(TokenForge.Payload(first.AccessToken).GetProperty("email").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(again.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_refresh_token_is_401_and_a_missing_one_is_400()
    {
        var client = auth.Client();

        await AuthClient.ProblemAsync(await client.RefreshAsync("bm90LWEtcmVhbC1yZWZyZXNoLXRva2VuLWF0LWFsbA"), HttpStatusCode.Unauthorized);
        await AuthClient.FieldErrorAsync(await client.Http.PostAsJsonAsync("/auth/refresh", new { }), "refreshToken");
    }

    [Fact]
    public async Task Logout_revokes_the_family_so_its_refresh_tokens_stop_working()
    {
        var client = auth.Client();
        var (_, first) = await client.NewUserAsync();
        var second = TokenSet.From(await (await client.RefreshAsync(first.RefreshToken)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>());

        var response = await client.SendAsync(HttpMethod.Post, "/auth/logout", second.AccessToken, new { refreshToken = second.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AuthClient.ProblemAsync(await client.RefreshAsync(second.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Single(await auth.AuditAsync("logout", Guid.Parse(TokenForge.Payload(first.AccessToken).GetProperty("sub").GetString()!)));
    }

    [Fact]
    public async Task Logout_needs_a_bearer_token_and_a_refresh_token_and_cannot_end_another_users_session()
    {
        var client = auth.Client();
        var (_, victim) = await client.NewUserAsync("victim");
        var (_, other) = await client.NewUserAsync("other");

        await AuthClient.ProblemAsync(
            await client.SendAsync(HttpMethod.Post, "/auth/logout", null, new { refreshToken = victim.RefreshToken }), HttpStatusCode.Unauthorized);
        await AuthClient.FieldErrorAsync(await client.SendAsync(HttpMethod.Post, "/auth/logout", other.AccessToken, new { }), "refreshToken");
        Assert.Equal(HttpStatusCode.NoContent,
            (await client.SendAsync(HttpMethod.Post, "/auth/logout", other.AccessToken, new { refreshToken = victim.RefreshToken })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.RefreshAsync(victim.RefreshToken)).StatusCode);
    }
}
