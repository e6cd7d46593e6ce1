using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>An HTTP client of the auth app with the calls tests repeat.</summary>
public sealed class AuthClient(HttpClient http)
{
    public const string GoodPassword = "violet-Harbor-42-kettle";

    public HttpClient Http { get; } = http;

    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@finflow.test";

    public Task<HttpResponseMessage> RegisterAsync(string email, string password = GoodPassword) =>
        Http.PostAsJsonAsync("/auth/register", new { email, password });

    public Task<HttpResponseMessage> LoginAsync(string email, string password = GoodPassword) =>
        Http.PostAsJsonAsync("/auth/login", new { email, password });

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Http.PostAsJsonAsync("/auth/refresh", new { refreshToken });

    public async Task<TokenSet> LoginOkAsync(string email, string password = GoodPassword)
    {
        var response = await LoginAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TokenSet.From(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>Registers a fresh account and logs in: its email and tokens.</summary>
    public async Task<(string Email, TokenSet Tokens)> NewUserAsync(string prefix = "user")
    {
        var email = NewEmail(prefix);
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(email)).StatusCode);
        return (email, await LoginOkAsync(email));
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accessToken, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await Http.SendAsync(request);
    }

    /// <summary>Asserts an RFC 7807 answer with the given status and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>Asserts a 400 naming <paramref name="field"/> (in any letter case) among its errors.</summary>
    public static async Task FieldErrorAsync(HttpResponseMessage response, string field)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.Ordinal)), errors.ToString());
    }
}
