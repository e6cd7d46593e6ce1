using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Cli.Platform;
using Xunit;

namespace FinFlow.Cli.Tests;

/// <summary>
/// The real auth service and gateway started by the launcher, each with its sidecar: register, login and
/// <c>me</c> through the gateway; forged tokens refused by the gateway and by auth reached through its sidecar.
/// </summary>
public class PlatformEndToEndTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    [Fact]
    public async Task Register_login_and_me_work_through_the_gateway_and_forged_tokens_do_not()
    {
        // A small per-user budget at the gateway, so the test can reach it; everything else as shipped.
        using var run = new TestRunFile(
            new Dictionary<string, string> { ["Gateway__PerUserRequestsPer10Seconds"] = "12" },
            ("auth", Path.Combine(RepositoryLayout.Root, "services", "Auth", "FinFlow.Auth")),
            ("gateway", Path.Combine(RepositoryLayout.Root, "services", "Gateway", "FinFlow.Gateway")));
        try
        {
            var up = await CliRun.RunAsync(run.RunFilePath, null, "up", "--detach", "--no-build");
            Assert.True(up.ExitCode == 0, $"up failed: {up.Error}\n{up.Output}");
            var gateway = run.AppUrl(1);
            var email = $"owner-{Guid.NewGuid():N}@example.com";

            var registered = await Http.PostAsJsonAsync($"{gateway}/api/auth/register", new { email, password = "Correct-Horse-Battery-9" });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            var login = await Http.PostAsJsonAsync($"{gateway}/api/auth/login", new { email, password = "Correct-Horse-Battery-9" });
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
            var accessToken = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;

            using var me = await SendAsync($"{gateway}/api/auth/me", accessToken);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(email, (await me.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
            await AssertPerUserRateLimitAsync(gateway, accessToken);
            using (var anonymous = await SendAsync($"{gateway}/api/auth/me", null))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            }

            await AssertFrontDoorHardeningAsync(gateway);
            var openApi = await Http.GetFromJsonAsync<JsonElement>($"{gateway}/api/auth/swagger/v1/swagger.json");
            Assert.True(openApi.GetProperty("paths").TryGetProperty("/auth/login", out _), "auth's OpenAPI document through the gateway");

            var secrets = new Workspace(run.Folder).SecretsFile;
            var daprToken = JsonDocument.Parse(File.ReadAllText(secrets)).RootElement.GetProperty("dapr-api-token").GetString();
            // Around the sidecar, auth answers only its probes; with the app token (what its sidecar sends) it serves.
            var appToken = JsonDocument.Parse(File.ReadAllText(secrets)).RootElement.GetProperty("app-api-token").GetString();
            using (var bypass = await SendAsync($"{run.AppUrl(0)}/auth/.well-known/jwks.json", null))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, bypass.StatusCode);
            }

            using (var asSidecar = await SendAsync($"{run.AppUrl(0)}/auth/.well-known/jwks.json", null, appToken))
            {
                Assert.Equal(HttpStatusCode.OK, asSidecar.StatusCode);
            }

            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync($"{run.AppUrl(0)}/healthz")).StatusCode);

            // The control: the genuine token is accepted on both paths, so each 401 below is the token's fault.
            using (var genuine = await SendAsync($"{run.SidecarUrl(0)}/v1.0/invoke/auth/method/auth/me", accessToken, daprToken))
            {
                Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
            }

            foreach (var (attack, token) in PlatformAttackTokens.From(accessToken, secrets))
            {
                using var viaGateway = await SendAsync($"{gateway}/api/auth/me", token);
                Assert.True(viaGateway.StatusCode == HttpStatusCode.Unauthorized, $"gateway accepted a token with {attack}");
                using var viaSidecar = await SendAsync($"{run.SidecarUrl(0)}/v1.0/invoke/auth/method/auth/me", token, daprToken);
                Assert.True(viaSidecar.StatusCode == HttpStatusCode.Unauthorized, $"auth accepted a token with {attack}");
            }
        }
        finally
        {
            await CliRun.RunAsync(run.RunFilePath, null, "down");
        }
    }

    /// <summary>A burst past the per-user budget is answered 429 with Retry-After by the gateway itself.</summary>
    private static async Task AssertPerUserRateLimitAsync(string gateway, string accessToken)
    {
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 15; i++) answers.Add(await SendAsync($"{gateway}/api/auth/me", accessToken));
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.True(limited[0].Headers.RetryAfter is not null, "429 carries Retry-After");
        Assert.Equal("application/problem+json", limited[0].Content.Headers.ContentType?.MediaType);
        answers.ForEach(a => a.Dispose());
        // Let the window pass so the rest of the test is not throttled.
        await Task.Delay(TimeSpan.FromSeconds(10));
    }

    /// <summary>CORS for the dashboard origin only, security headers, and the body-size limit.</summary>
    private static async Task AssertFrontDoorHardeningAsync(string gateway)
    {
        foreach (var (origin, allowed) in new[] { ("http://localhost:5173", true), ("https://evil.example", false) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, $"{gateway}/api/auth/login");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            using var answer = await Http.SendAsync(preflight);
            Assert.Equal(allowed, answer.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) && values.Single() == origin);
        }

        using var login = await Http.PostAsJsonAsync($"{gateway}/api/auth/login", new { email = "nobody@example.com", password = "x" });
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", login.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(login.Headers.Contains("X-Request-Id"));

        using var huge = new StringContent(new string('x', 2 * 1024 * 1024), System.Text.Encoding.UTF8, "application/json");
        using var tooLarge = await Http.PostAsync($"{gateway}/api/auth/register", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
    }

    private static Task<HttpResponseMessage> SendAsync(string url, string? accessToken, string? daprApiToken = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (daprApiToken is not null) request.Headers.Add("dapr-api-token", daprApiToken);
        return Http.SendAsync(request);
    }
}
