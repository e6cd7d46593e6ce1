using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Auth.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Auth.Tests;

[Collection(AuthSuite.Name)]
public class MeAndTokenAttackTests(AuthFixture auth)
{
    [Fact]
    public async Task Me_answers_the_callers_account()
    {
        var client = auth.Client();
        var (email, tokens) = await client.NewUserAsync();

        var response = await client.SendAsync(HttpMethod.Get, "/auth/me", tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, me.GetProperty("email").GetString());
        Assert.Equal("USER", me.GetProperty("role").GetString());
        Assert.Equal(TokenForge.Payload(tokens.AccessToken).GetProperty("sub").GetString(), me.GetProperty("id").GetString());
        Assert.InRange(me.GetProperty("createdAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Me_without_a_token_is_401()
    {
        await AuthClient.ProblemAsync(await auth.Client().SendAsync(HttpMethod.Get, "/auth/me", null), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_signed_with_the_previous_key_is_still_accepted_after_rotation()
    {
        var client = auth.Client();
        var (_, tokens) = await client.NewUserAsync();
        var userId = Guid.Parse(TokenForge.Payload(tokens.AccessToken).GetProperty("sub").GetString()!);

        var token = TokenForge.Sign(auth.Keys.Previous, TestKeys.PreviousKid, userId);

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, "/auth/me", token)).StatusCode);
    }

    public static TheoryData<string> Attacks => ["alg-none", "other-key", "other-key-claiming-our-kid", "expired", "wrong-audience", "wrong-issuer", "tampered", "garbage"];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Forged_or_stale_tokens_are_401(string attack)
    {
        var client = auth.Client();
        var (_, tokens) = await client.NewUserAsync();
        var userId = Guid.Parse(TokenForge.Payload(tokens.AccessToken).GetProperty("sub").GetString()!);
        var current = auth.Keys.Current;

        var token = attack switch
        {
            "alg-none" => TokenForge.AlgNone(tokens.AccessToken),
            "other-key" => TokenForge.Sign(auth.Keys.Attacker, "attacker", userId, "ADMIN"),
            "other-key-claiming-our-kid" => TokenForge.Sign(auth.Keys.Attacker, TestKeys.CurrentKid, userId, "ADMIN"),
            "expired" => TokenForge.Sign(current, TestKeys.CurrentKid, userId, expires: DateTime.UtcNow.AddMinutes(-2)),
            "wrong-audience" => TokenForge.Sign(current, TestKeys.CurrentKid, userId, audience: "some-other-api"),
            "wrong-issuer" => TokenForge.Sign(current, TestKeys.CurrentKid, userId, issuer: "https://evil.example"),
            "tampered" => TokenForge.Tampered(tokens.AccessToken),
            _ => "not.a.token",
        };

        await AuthClient.ProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/me", token), HttpStatusCode.Unauthorized);
        if (attack is "tampered" or "other-key")
        {
            // The forged ADMIN role must not open admin routes either.
            await AuthClient.ProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/users", token), HttpStatusCode.Unauthorized);
        }
    }
}
