using FinFlow.Testing;
using System.Text.Json;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>
/// Three echo apps, each behind its own sidecar process, resolved through one name resolution file as the
/// launcher writes it: <c>caller</c> and <c>callee</c> for the two-hop path, <c>fragile</c> (left out of the
/// file until a test adds it, and whose app a test kills), and <c>ghost</c>, listed but with nothing
/// listening. Both tokens are set, as the launcher sets them; a Resiliency file covers <c>callee</c>
/// (timeout 1s, 2 retries on 503) and <c>caller</c> (a circuit breaker opening after 2 failures).
/// </summary>
public sealed class InvocationFixture : IAsyncLifetime
{
    public const string ApiToken = "invoke-api-token-5d1c";
    public const string AppToken = "invoke-app-token-91be";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly ResourceDirectory _resources = new();
    private readonly Dictionary<string, object> _entries = [];

    public EchoAppProcess CallerApp { get; private set; } = null!;

    public EchoAppProcess CalleeApp { get; private set; } = null!;

    public EchoAppProcess FragileApp { get; private set; } = null!;

    public SidecarProcess Caller { get; private set; } = null!;

    public SidecarProcess Callee { get; private set; } = null!;

    public SidecarProcess Fragile { get; private set; } = null!;

    public string NameResolutionFile => Path.Combine(_resources.Path, "names", "apps.json");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(NameResolutionFile)!);
        _resources.Write("resiliency.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Resiliency
            metadata:
              name: invocation
            spec:
              policies:
                timeouts:
                  oneSecond: 1s
                retries:
                  twiceOn503:
                    policy: constant
                    duration: 50ms
                    maxRetries: 2
                    matching:
                      httpStatusCodes: "503"
                circuitBreakers:
                  opensFast:
                    maxRequests: 1
                    timeout: 60s
                    trip: consecutiveFailures > 1
              targets:
                apps:
                  callee:
                    timeout: oneSecond
                    retry: twiceOn503
                  caller:
                    circuitBreaker: opensFast
            """);

        var apps = await Task.WhenAll(EchoAppProcess.StartAsync("caller"), EchoAppProcess.StartAsync("callee"), EchoAppProcess.StartAsync("fragile"));
        (CallerApp, CalleeApp, FragileApp) = (apps[0], apps[1], apps[2]);
        var ports = Enumerable.Range(0, 3).Select(_ => (Http: FreePort.Next(), Grpc: FreePort.Next())).ToArray();
        Add("caller", CallerApp.Port, ports[0]);
        Add("callee", CalleeApp.Port, ports[1]);
        var nothing = FreePort.Next();
        Add("ghost", nothing, (nothing, nothing));
        WriteNameResolution();

        var sidecars = await Task.WhenAll(
            SidecarProcess.StartAsync(Launch("caller", CallerApp, ports[0])),
            SidecarProcess.StartAsync(Launch("callee", CalleeApp, ports[1])),
            SidecarProcess.StartAsync(Launch("fragile", FragileApp, ports[2])));
        (Caller, Callee, Fragile) = (sidecars[0], sidecars[1], sidecars[2]);
    }

    /// <summary>Lists <c>fragile</c> in the name resolution file, as the launcher does when an app is added.</summary>
    public void ListFragile()
    {
        Add("fragile", FragileApp.Port, (Fragile.HttpPort, Fragile.GrpcPort));
        WriteNameResolution();
    }

    /// <summary>An HTTP client for the caller's sidecar that carries the API token.</summary>
    public HttpClient CallerHttp()
    {
        var http = Caller.CreateHttpClient();
        http.DefaultRequestHeaders.Add("dapr-api-token", ApiToken);
        return http;
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new IAsyncDisposable?[] { Caller, Callee, Fragile, CallerApp, CalleeApp, FragileApp })
        {
            if (process is not null) await process.DisposeAsync();
        }

        _resources.Dispose();
    }

    private SidecarLaunch Launch(string appId, EchoAppProcess app, (int Http, int Grpc) ports) => new()
    {
        AppId = appId,
        ResourcesPaths = [_resources.Path],
        Ports = ports,
        ExtraArguments = ["--app-port", $"{app.Port}"],
        Environment = new Dictionary<string, string>
        {
            ["DAPR_API_TOKEN"] = ApiToken,
            ["APP_API_TOKEN"] = AppToken,
            ["FINFLOW_NAME_RESOLUTION_FILE"] = NameResolutionFile,
        },
    };

    private void Add(string appId, int appPort, (int Http, int Grpc) ports) =>
        _entries[appId] = new { host = "127.0.0.1", appPort, httpPort = ports.Http, grpcPort = ports.Grpc };

    private void WriteNameResolution() =>
        File.WriteAllText(NameResolutionFile, JsonSerializer.Serialize(new { apps = _entries }, Indented));
}
