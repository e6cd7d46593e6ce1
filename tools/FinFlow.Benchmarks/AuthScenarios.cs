using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FinFlow.Benchmarks;

/// <summary>
/// The auth suite's operations on a running auth + gateway: one registered user per worker; login through the
/// gateway; <c>me</c> through the gateway (gateway → its sidecar → auth's sidecar → auth) and on auth's own port
/// (with the app token auth's sidecar would present, so both paths pass the same checks in auth).
/// </summary>
public sealed class AuthScenarios(AuthRunFile run, BenchmarkOptions options) : IDisposable
{
    /// <summary>Passes auth's strength rule (12+ characters, not common, no email local part); not a secret.</summary>
    private const string Password = "bench-Correct-Horse-Battery-42";

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = options.Concurrency * 2 })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private string[] _accessTokens = [];
    private string? _appApiToken;

    public int Users => options.Concurrency;

    private string Email(int worker) => string.Create(CultureInfo.InvariantCulture, $"bench-{_runId}-{worker}@example.com");

    /// <summary>Registers one user per worker through the gateway and signs each in once for its access token.</summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        _appApiToken = run.AppApiToken();
        _accessTokens = new string[Users];
        for (var worker = 0; worker < Users; worker++)
        {
            using var registered = await _http.PostAsJsonAsync(new Uri($"{run.GatewayUrl}/api/auth/register"), new { email = Email(worker), password = Password }, cancellationToken);
            await ExpectAsync(registered, HttpStatusCode.Created, "register", cancellationToken);
            using var login = await PostLoginAsync(worker, cancellationToken);
            await ExpectAsync(login, HttpStatusCode.OK, "login", cancellationToken);
            var body = await login.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            _accessTokens[worker] = body.GetProperty("accessToken").GetString()!;
        }

        await WaitForGatewayKeysAsync(cancellationToken);
    }

    public Task<LatencyStats> LoginThroughGatewayAsync(CancellationToken cancellationToken) =>
        LoadRunner.RunAsync("login: gateway → 2 sidecars → auth", options, async (worker, _, ct) =>
        {
            using var response = await PostLoginAsync(worker % Users, ct);
            await ExpectAsync(response, HttpStatusCode.OK, "login", ct);
        }, cancellationToken: cancellationToken);

    public Task<LatencyStats> MeThroughGatewayAsync(CancellationToken cancellationToken) =>
        LoadRunner.RunAsync("me: gateway → 2 sidecars → auth", options, (worker, _, ct) =>
            GetMeAsync($"{run.GatewayUrl}/api/auth/me", null, worker, ct), cancellationToken: cancellationToken);

    public Task<LatencyStats> MeDirectAsync(CancellationToken cancellationToken) =>
        LoadRunner.RunAsync("me: direct HTTP to auth", options, (worker, _, ct) =>
            GetMeAsync($"{run.AuthUrl}/auth/me", _appApiToken, worker, ct), cancellationToken: cancellationToken);

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// The gateway learns auth's signing keys from the JWKS through its sidecar; until it has them it answers 401.
    /// One successful <c>me</c> before measuring keeps that start-up moment out of the figures.
    /// </summary>
    private async Task WaitForGatewayKeysAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await GetMeAsync($"{run.GatewayUrl}/api/auth/me", null, 0, cancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }

    private Task<HttpResponseMessage> PostLoginAsync(int worker, CancellationToken ct) =>
        _http.PostAsJsonAsync(new Uri($"{run.GatewayUrl}/api/auth/login"), new { email = Email(worker), password = Password }, ct);

    private async Task GetMeAsync(string url, string? appApiToken, int worker, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url));
        if (appApiToken is not null) request.Headers.TryAddWithoutValidation("dapr-api-token", appApiToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _accessTokens[worker % Users]);
        using var response = await _http.SendAsync(request, ct);
        await ExpectAsync(response, HttpStatusCode.OK, "me", ct);
    }

    /// <summary>Reads the whole answer (as a client would) and fails with auth's problem details on any other status.</summary>
    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        if (response.StatusCode != expected)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
    }
}
