using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Auth.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Auth.Tests;

[Collection(AuthSuite.Name)]
public class RegistrationTests(AuthFixture auth)
{
    [Fact]
    public async Task Register_creates_a_user_account_and_answers_201_with_id_and_email()
    {
        var client = auth.Client();
        var email = AuthClient.NewEmail();

        var response = await client.RegisterAsync(email);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(email, body.GetProperty("email").GetString());
        var id = body.GetProperty("id").GetGuid();
        Assert.False(body.TryGetProperty("passwordHash", out _));
        var audit = Assert.Single(await auth.AuditAsync("registered", id));
        Assert.StartsWith("2001:db8::", audit.Ip, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_email_in_other_letter_case_is_taken_409()
    {
        var client = auth.Client();
        var email = AuthClient.NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await client.RegisterAsync(email)).StatusCode);

        await AuthClient.ProblemAsync(await client.RegisterAsync(email.ToUpperInvariant()), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("short1A!")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("password1234")]
    public async Task A_weak_password_is_400_naming_the_password_field(string password)
    {
        var response = await auth.Client().RegisterAsync(AuthClient.NewEmail(), password);

        await AuthClient.FieldErrorAsync(response, "password");
    }

    [Fact]
    public async Task A_password_containing_the_email_name_is_rejected()
    {
        var email = $"marguerite{Guid.NewGuid():N}"[..16] + "@finflow.test";

        var response = await auth.Client().RegisterAsync(email, email.Split('@')[0] + "-Xy9!");

        await AuthClient.FieldErrorAsync(response, "password");
    }

    [Fact]
    public async Task A_malformed_or_missing_email_is_400_naming_the_email_field()
    {
        var client = auth.Client();

        await AuthClient.FieldErrorAsync(await client.RegisterAsync("not-an-email"), "email");
        await AuthClient.FieldErrorAsync(await client.Http.PostAsJsonAsync("/auth/register", new { password = AuthClient.GoodPassword }), "email");
    }
}
