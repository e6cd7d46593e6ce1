using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Auth.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Auth.Tests;

[Collection(AuthSuite.Name)]
public class UsersAndAdminTests(AuthFixture auth)
{
    [Fact]
    public async Task The_admin_from_configuration_exists_after_start_can_log_in_and_was_audited()
    {
        var client = auth.Client();

        var tokens = await client.LoginOkAsync(AuthFactory.AdminEmail, AuthFactory.AdminPassword);

        Assert.Equal("ADMIN", TokenForge.Payload(tokens.AccessToken).GetProperty("role").GetString());
        var created = Assert.Single(await auth.AuditAsync("admin_created", email: AuthFactory.AdminEmail));
        Assert.NotNull(created.UserId);
    }

    [Fact]
    public async Task Users_lists_accounts_for_an_admin()
    {
        var client = auth.Client();
        var (email, _) = await client.NewUserAsync();
        var admin = await client.LoginOkAsync(AuthFactory.AdminEmail, AuthFactory.AdminPassword);

        var response = await client.SendAsync(HttpMethod.Get, "/auth/users?pageSize=200", admin.AccessToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        var emails = page.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString()).ToList();
        Assert.Contains(email, emails);
        Assert.Contains(AuthFactory.AdminEmail, emails);
        Assert.True(page.GetProperty("total").GetInt64() >= 2);
        Assert.DoesNotContain("argon2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_is_403_for_a_user_401_without_a_token_and_400_for_a_bad_page_size()
    {
        var client = auth.Client();
        var (_, user) = await client.NewUserAsync();
        var admin = await client.LoginOkAsync(AuthFactory.AdminEmail, AuthFactory.AdminPassword);

        await AuthClient.ProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/users", user.AccessToken), HttpStatusCode.Forbidden);
        await AuthClient.ProblemAsync(await client.SendAsync(HttpMethod.Get, "/auth/users", null), HttpStatusCode.Unauthorized);
        await AuthClient.FieldErrorAsync(await client.SendAsync(HttpMethod.Get, "/auth/users?pageSize=0", admin.AccessToken), "pageSize");
    }

    [Fact]
    public async Task An_admin_changes_a_role_which_is_audited_and_shows_in_the_next_token()
    {
        var client = auth.Client();
        var (email, user) = await client.NewUserAsync("promoted");
        var userId = TokenForge.Payload(user.AccessToken).GetProperty("sub").GetString()!;
        var admin = await client.LoginOkAsync(AuthFactory.AdminEmail, AuthFactory.AdminPassword);

        var response = await client.SendAsync(HttpMethod.Put, $"/auth/users/{userId}/role", admin.AccessToken, new { role = "ADMIN" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ADMIN", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        var audit = Assert.Single(await auth.AuditAsync("role_changed", Guid.Parse(userId)));
        Assert.Contains("\"to\": \"ADMIN\"", audit.Detail, StringComparison.Ordinal);
        Assert.Equal("ADMIN", TokenForge.Payload((await client.LoginOkAsync(email)).AccessToken).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Changing_a_role_is_401_without_a_token_403_for_a_user_400_for_an_unknown_role_and_404_for_an_unknown_account()
    {
        var client = auth.Client();
        var (_, user) = await client.NewUserAsync();
        var userId = TokenForge.Payload(user.AccessToken).GetProperty("sub").GetString()!;
        var admin = await client.LoginOkAsync(AuthFactory.AdminEmail, AuthFactory.AdminPassword);

        await AuthClient.ProblemAsync(
            await client.SendAsync(HttpMethod.Put, $"/auth/users/{userId}/role", null, new { role = "ADMIN" }), HttpStatusCode.Unauthorized);
        await AuthClient.ProblemAsync(
            await client.SendAsync(HttpMethod.Put, $"/auth/users/{userId}/role", user.AccessToken, new { role = "ADMIN" }), HttpStatusCode.Forbidden);
        await AuthClient.FieldErrorAsync(
            await client.SendAsync(HttpMethod.Put, $"/auth/users/{userId}/role", admin.AccessToken, new { role = "ROOT" }), "role");
        await AuthClient.ProblemAsync(
            await client.SendAsync(HttpMethod.Put, $"/auth/users/{Guid.NewGuid()}/role", admin.AccessToken, new { role = "USER" }), HttpStatusCode.NotFound);
    }
}
