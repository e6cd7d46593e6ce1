using System.Globalization;
using FinFlow.LocalInfra;

namespace FinFlow.Benchmarks;

/// <summary>
/// A temporary folder with a run file for auth + gateway on free ports, a copy of <c>components/local</c> and
/// <c>components/config.yaml</c>. The launcher keeps its <c>.finflow/</c> (data, secrets, logs) next to it, so
/// the repository's dapr.yaml and .finflow are never touched. Limits are raised only through the apps' <c>env:</c>.
/// </summary>
public sealed class AuthRunFile : IDisposable
{
    /// <summary>ASP.NET configuration keys set for the benchmark (as environment variables), with why.</summary>
    public static readonly IReadOnlyList<(string App, string Key, string Value, string Why)> RaisedLimits =
    [
        ("auth", "Auth__RateLimit__PermitLimit", "1000000", "login+register per client address (shipped 10 / 60 s)"),
        ("auth", "Auth__Lockout__MaxFailedAttempts", "1000000", "wrong passwords before an account locks (shipped 5)"),
        ("gateway", "Gateway__PerIpAnonymousRequestsPer10Seconds", "1000000", "anonymous routes per address (shipped 30 / 10 s)"),
        ("gateway", "Gateway__PerUserRequestsPer10Seconds", "1000000", "signed-in requests per user (shipped 200 / 10 s)"),
    ];

    public AuthRunFile()
    {
        var resources = Path.Combine(Folder, "resources");
        Directory.CreateDirectory(resources);
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "components", "local")))
        {
            File.Copy(file, Path.Combine(resources, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(RepositoryPaths.Root, "components", "config.yaml"), Path.Combine(Folder, "config.yaml"));
        AuthPorts = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        GatewayPorts = (FreePort.Next(), FreePort.Next(), FreePort.Next());
        File.WriteAllText(RunFilePath, $"""
            version: 1
            common:
              resourcesPaths: [resources]
              configFilePath: config.yaml
            apps:
            {App("auth", RepositoryPaths.AuthDirectory, AuthPorts)}
            {App("gateway", RepositoryPaths.GatewayDirectory, GatewayPorts)}
            """);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"finflow-bench-auth-{Guid.NewGuid():N}"[..30]);

    public string RunFilePath => Path.Combine(Folder, "dapr.yaml");

    public (int App, int SidecarHttp, int SidecarGrpc) AuthPorts { get; }

    public (int App, int SidecarHttp, int SidecarGrpc) GatewayPorts { get; }

    public string AuthUrl => Url(AuthPorts.App);

    public string GatewayUrl => Url(GatewayPorts.App);

    public string LogsFolder => Path.Combine(Folder, ".finflow", "logs");

    /// <summary>
    /// The token auth's sidecar presents to auth (<c>app-api-token</c> in the launcher's secrets.json, after <c>up</c>).
    /// A direct call sends it too, as the sidecar's last hop does: auth may refuse calls that do not come from its sidecar.
    /// </summary>
    public string? AppApiToken()
    {
        using var secrets = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, ".finflow", "secrets.json")));
        return secrets.RootElement.TryGetProperty("app-api-token", out var token) ? token.GetString() : null;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static string App(string appId, string directory, (int App, int Http, int Grpc) ports)
    {
        var env = RaisedLimits.Where(l => l.App == appId).Select(l => $"      {l.Key}: \"{l.Value}\"");
        return string.Create(CultureInfo.InvariantCulture, $"""
              - appID: {appId}
                appDirPath: {directory}
                appPort: {ports.App}
                daprHTTPPort: {ports.Http}
                daprGRPCPort: {ports.Grpc}
                env:
            {string.Join("\n", env)}
            """);
    }

    private static string Url(int port) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
}
