using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Invocation.Resiliency;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// Sends an invocation where it belongs: this sidecar's app id goes to the local app through
/// <see cref="AppChannel"/> (which adds the app token); any other id goes to that app's sidecar (two hops,
/// as with daprd), which then delivers it to its own app. Resiliency policies wrap either path.
/// </summary>
public sealed class InvocationDispatcher : IDisposable
{
    private readonly SidecarOptions _options;
    private readonly AppChannel _app;
    private readonly NameResolver _resolver;
    private readonly SidecarHop _hop;
    private readonly InvocationPolicies _policies;
    private readonly HttpMessageInvoker _sidecars;
    private readonly string _appBase;

    public InvocationDispatcher(SidecarOptions options, AppChannel app, NameResolver resolver, SidecarHop hop, InvocationPolicies policies)
    {
        _options = options;
        _app = app;
        _resolver = resolver;
        _hop = hop;
        _policies = policies;
        _appBase = app.BaseAddress.GetLeftPart(UriPartial.Authority);
        // One pooled handler for every peer sidecar; the sidecar writes trace headers itself, so the
        // handler's own propagation is off. A bare invoker skips HttpClient's per-call timeout machinery.
        _sidecars = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        });
    }

    /// <summary>Whether a call to this app may be sent more than once, so the transport must buffer the body.</summary>
    public bool NeedsReplayableBody(string appId, bool fromHop) => !fromHop && (_policies.For(appId)?.MayRetry ?? false);

    public async Task<InvocationResult> SendAsync(InvocationCall call, CancellationToken cancellationToken)
    {
        var local = call.TargetAppId == _options.AppId;
        ResolvedApp? remote = null;
        if (local)
        {
            if (!_app.HasApp) throw InvocationErrors.NoAppChannel(call.TargetAppId);
        }
        else if (call.FromHop)
        {
            // A hop is always for the receiving sidecar's own app; forwarding it again could loop.
            throw InvocationErrors.Failed(call.TargetAppId, $"a sidecar hop for '{call.TargetAppId}' reached the sidecar of '{_options.AppId}'");
        }
        else if (!_resolver.TryResolve(call.TargetAppId, out remote))
        {
            throw InvocationErrors.UnknownApp(call.TargetAppId, _resolver.Path);
        }

        var traceParent = TraceContext.NextTraceParent(call.TraceParent);
        // As in daprd, the caller's sidecar applies the app's policy; the callee's sidecar delivers once.
        var policy = call.FromHop ? null : _policies.For(call.TargetAppId);
        if (policy is null)
        {
            try
            {
                return new InvocationResult(await SendOnceAsync(call, remote, traceParent, cancellationToken), null);
            }
            catch (HttpRequestException error)
            {
                throw InvocationErrors.Failed(call.TargetAppId, error.Message, error);
            }
        }

        var (response, deadline) = await policy.ExecuteAsync(token => SendOnceAsync(call, remote, traceParent, token), cancellationToken);
        return new InvocationResult(response, deadline);
    }

    private Task<HttpResponseMessage> SendOnceAsync(InvocationCall call, ResolvedApp? remote, string traceParent, CancellationToken cancellationToken)
    {
        var uri = remote is null
            ? new Uri(_appBase + call.PathAndQuery)
            : new Uri($"{remote.SidecarHttp}v1.0/invoke/{Uri.EscapeDataString(call.TargetAppId)}/method{call.PathAndQuery}");
        var request = new HttpRequestMessage(call.Method, uri) { Content = Body(call) };
        InvocationHeaders.CopyRequestHeaders(call.Headers, request, call.DropAuthorization);
        if (!call.FromHop) InvocationHeaders.AddForwarded(request, call.ClientAddress, call.Host);
        var headers = request.Headers;
        headers.TryAddWithoutValidation(TraceContext.TraceParentHeader, traceParent);
        if (call.TraceState is { Length: > 0 } state) headers.TryAddWithoutValidation(TraceContext.TraceStateHeader, state);

        if (remote is null)
        {
            headers.TryAddWithoutValidation(InvocationHeaders.CallerAppId, call.CallerAppId);
            headers.TryAddWithoutValidation(InvocationHeaders.CalleeAppId, _options.AppId);
            return _app.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }

        headers.TryAddWithoutValidation(SidecarHop.CallerHeader, _options.AppId);
        if (_hop.Proof(_options.AppId, call.TargetAppId) is { } proof) headers.TryAddWithoutValidation(SidecarHop.ProofHeader, proof);
        if (_options.ApiToken is { } token) headers.TryAddWithoutValidation(InvocationHeaders.ApiToken, token);
        return _sidecars.SendAsync(request, cancellationToken);
    }

    private static HttpContent? Body(InvocationCall call)
    {
        HttpContent content;
        if (call.BufferedBody is { } buffered)
        {
            content = new ReadOnlyMemoryContent(buffered);
        }
        else if (call.BodyStream is { } stream)
        {
            content = new StreamContent(stream);
            if (call.ContentLength is { } length) content.Headers.ContentLength = length;
        }
        else
        {
            return null;
        }

        return content;
    }

    public void Dispose() => _sidecars.Dispose();
}
