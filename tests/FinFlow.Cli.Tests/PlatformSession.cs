using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using FinFlow.Cli.Platform;
using Xunit;

namespace FinFlow.Cli.Tests;

/// <summary>
/// The real services started by the launcher (`up --detach --no-build`) from a temporary run file, with one
/// registered and logged-in user whose client talks to the gateway. Disposing runs `down`.
/// </summary>
internal sealed class PlatformSession : IAsyncDisposable
{
    private readonly TestRunFile _run;
    private readonly string[] _appIds;

    private PlatformSession(TestRunFile run, string[] appIds)
    {
        _run = run;
        _appIds = appIds;
    }

    /// <summary>The gateway's client, carrying the session user's access token.</summary>
    public HttpClient Gateway { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Guid UserId { get; private set; }

    public JsonElement Secrets => JsonDocument.Parse(File.ReadAllText(new Workspace(_run.Folder).SecretsFile)).RootElement;

    public string SidecarUrl(string appId) => _run.SidecarUrl(Array.IndexOf(_appIds, appId));

    public string SidecarGrpcUrl(string appId) => _run.SidecarGrpcUrl(Array.IndexOf(_appIds, appId));

    /// <summary>Starts the given services (the gateway is added last) and signs a new user in through the gateway.</summary>
    public static async Task<PlatformSession> StartAsync(params string[] services)
    {
        string[] appIds = [.. services, "gateway"];
        var apps = appIds.Select(id => (id, Path.Combine(RepositoryLayout.Root, "services", Folder(id), $"FinFlow.{Folder(id)}"))).ToArray();
        var session = new PlatformSession(new TestRunFile(apps), appIds);
        try
        {
            var up = await CliRun.RunAsync(session._run.RunFilePath, null, "up", "--detach", "--no-build");
            Assert.True(up.ExitCode == 0, $"up failed: {up.Error}\n{up.Output}");
            session.Gateway.BaseAddress = new Uri(session._run.AppUrl(appIds.Length - 1));
            await session.SignInAsync();
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Polls <paramref name="url"/> through the gateway until <paramref name="done"/> holds or the timeout passes; returns the last body.</summary>
    public async Task<JsonElement> PollAsync(string url, Func<JsonElement, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonElement body;
        do
        {
            body = await Gateway.GetFromJsonAsync<JsonElement>(url);
            if (done(body)) return body;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        await CliRun.RunAsync(_run.RunFilePath, null, "down");
        Gateway.Dispose();
        _run.Dispose();
    }

    private async Task SignInAsync()
    {
        var email = $"owner-{Guid.NewGuid():N}@example.com";
        const string password = "Correct-Horse-Battery-9";
        var registered = await Gateway.PostAsJsonAsync("/api/auth/register", new { email, password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        UserId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var login = await Gateway.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        Gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private static string Folder(string appId) => char.ToUpperInvariant(appId[0]) + appId[1..];
}
