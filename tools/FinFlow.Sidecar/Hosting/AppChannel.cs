using System.Net.Http.Headers;

namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// The sidecar's one way of calling its own app (subscription discovery, message delivery, invocation,
/// health probes). Every request carries <c>dapr-api-token</c> when APP_API_TOKEN is set (contract §4.6).
/// </summary>
public sealed class AppChannel : IDisposable
{
    public const string AppTokenHeader = "dapr-api-token";

    private readonly HttpClient _http;
    private readonly string? _appToken;

    public AppChannel(SidecarOptions options)
    {
        _appToken = options.AppApiToken;
        HasApp = options.AppPort is > 0;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            MaxConnectionsPerServer = options.AppMaxConcurrency > 0 ? options.AppMaxConcurrency : int.MaxValue,
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            // The sidecar writes traceparent itself (its own span); the handler must not add a second one.
            ActivityHeadersPropagator = null,
        };
        _http = new HttpClient(handler)
        {
            BaseAddress = new Uri($"http://{options.AppChannelAddress}:{options.AppPort ?? 0}/"),
            // Calls are bounded by resiliency timeouts and caller cancellation, not by a global default.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>False when the sidecar runs without an app port: nothing can be delivered or invoked locally.</summary>
    public bool HasApp { get; }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Sends a request to the app; <paramref name="request"/>'s URI is relative to the app's root.</summary>
    public Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        request.Headers.Remove(AppTokenHeader);
        if (_appToken is not null) request.Headers.TryAddWithoutValidation(AppTokenHeader, _appToken);
        return _http.SendAsync(request, completion, cancellationToken);
    }

    public static MediaTypeHeaderValue Json => new("application/json");

    public void Dispose() => _http.Dispose();
}
