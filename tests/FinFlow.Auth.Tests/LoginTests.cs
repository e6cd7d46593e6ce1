using System.Net;
using System.Net.Http.Json;
using FinFlow.Auth.Passwords;
using FinFlow.Auth.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit;

namespace FinFlow.Auth.Tests;

[Collection(AuthSuite.Name)]
public class LoginTests(AuthFixture auth)
{
    [Fact]
    public async Task Login_answers_an_es256_access_token_of_15_minutes_with_the_platform_claims_and_a_refresh_token()
    {
        var client = auth.Client();
        var (email, tokens) = await client.NewUserAsync();

        Assert.Equal(900, tokens.ExpiresIn);
        Assert.True(tokens.RefreshToken.Length >= 40);
        var header = TokenForge.Header(tokens.AccessToken);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal(TestKeys.CurrentKid, header.GetProperty("kid").GetString());
        var payload = TokenForge.Payload(tokens.AccessToken);
        Assert.Equal(email, payload.GetProperty("email").GetString());
        Assert.Equal("USER", payload.GetProperty("role").GetString());
        Assert.Equal("finflow-auth", payload.GetProperty("iss").GetString());
        Assert.Equal("finflow-api", payload.GetProperty("aud").GetString());
        Assert.True(Guid.TryParse(payload.GetProperty("sub").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(payload.GetProperty("jti").GetString()));
        Assert.Equal(900, payload.GetProperty("exp").GetInt64() - payload.GetProperty("iat").GetInt64());
        Assert.Single(await auth.AuditAsync("login_succeeded", email: email));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_401_answer_and_are_audited()
    {
        var client = auth.Client();
        var (email, _) = await client.NewUserAsync();
        var unknown = AuthClient.NewEmail("nobody");

        var wrongPassword = await AuthClient.ProblemAsync(await client.LoginAsync(email, "not-the-password-at-all"), HttpStatusCode.Unauthorized);
        var noSuchUser = await AuthClient.ProblemAsync(await client.LoginAsync(unknown), HttpStatusCode.Unauthorized);

        Assert.Equal(wrongPassword.GetProperty("title").GetString(), noSuchUser.GetProperty("title").GetString());
        Assert.False(wrongPassword.TryGetProperty("detail", out _));
        Assert.False(noSuchUser.TryGetProperty("detail", out _));
        var failed = Assert.Single(await auth.AuditAsync("login_failed", email: email));
        Assert.NotNull(failed.UserId);
        Assert.Matches("^[0-9a-f]{32}$", failed.TraceId);
        Assert.Null(Assert.Single(await auth.AuditAsync("login_failed", email: unknown)).UserId);
    }

    [Fact]
    public async Task Email_matching_at_login_ignores_letter_case()
    {
        var client = auth.Client();
        var (email, _) = await client.NewUserAsync();

        await client.LoginOkAsync(email.ToUpperInvariant());
    }

    [Fact]
    public async Task A_hash_made_with_older_parameters_is_upgraded_at_the_next_successful_login()
    {
        var email = AuthClient.NewEmail("legacy");
        using var older = new Argon2idPasswordHasher(Options.Create(new PasswordHashingOptions { MemoryKiB = 512, Iterations = 1 }));
        await auth.QueryScalarAsync<int>(
            "INSERT INTO users (id, email, password_hash, role) VALUES (@Id, @Email, @Hash, 'USER') RETURNING 1",
            new { Id = Guid.NewGuid(), Email = email, Hash = await older.HashAsync(AuthClient.GoodPassword) });

        await auth.Client().LoginOkAsync(email);

        var stored = await auth.QueryScalarAsync<string>("SELECT password_hash FROM users WHERE email = @Email", new { Email = email });
        Assert.StartsWith("$argon2id$v=19$m=1024,t=1,p=1$", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_fields_are_400_naming_them()
    {
        var client = auth.Client();

        await AuthClient.FieldErrorAsync(await client.Http.PostAsJsonAsync("/auth/login", new { email = "a@b.test" }), "password");
        await AuthClient.FieldErrorAsync(await client.Http.PostAsJsonAsync("/auth/login", new { password = "whatever-it-is" }), "email");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password_with_429_and_retry_after()
    {
        var client = auth.Client();
        var (email, _) = await client.NewUserAsync("locked");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(email, $"wrong-password-{i}")).StatusCode);
        }

        var locked = await client.LoginAsync(email);

        await AuthClient.ProblemAsync(locked, HttpStatusCode.TooManyRequests);
        var retryAfter = locked.Headers.RetryAfter?.Delta ?? TimeSpan.Zero;
        Assert.InRange(retryAfter.TotalSeconds, 800, 900);
        Assert.Equal(5, (await auth.AuditAsync("login_failed", email: email)).Count);
        Assert.Single(await auth.AuditAsync("account_locked", email: email));
        Assert.Single(await auth.AuditAsync("login_while_locked", email: email));
    }

    [Fact]
    public async Task More_than_ten_login_or_register_attempts_a_minute_from_one_address_get_429_with_retry_after()
    {
        var client = auth.Client();
        var other = auth.Client();

        for (var i = 0; i < 9; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.LoginAsync(AuthClient.NewEmail("spray"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.RegisterAsync(AuthClient.NewEmail())).StatusCode);
        var limited = await client.LoginAsync(AuthClient.NewEmail("spray"));

        await AuthClient.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.InRange(limited.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        await AuthClient.ProblemAsync(await client.RegisterAsync(AuthClient.NewEmail()), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.LoginAsync(AuthClient.NewEmail("spray"))).StatusCode);
    }
}
