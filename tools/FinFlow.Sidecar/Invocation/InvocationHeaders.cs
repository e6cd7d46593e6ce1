using System.Collections.Frozen;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// Which headers cross an invocation (contract §4.1): everything except hop-by-hop headers,
/// <c>content-length</c> (re-derived from the body), <c>*-bin</c> (gRPC binary metadata), the destination
/// header, and the headers the sidecar itself owns: caller/callee ids (so an app cannot spoof them), the
/// API token, trace context (re-issued for the sidecar's span) and the private hop headers.
/// </summary>
public static class InvocationHeaders
{
    public const string AppId = "dapr-app-id";
    public const string CallerAppId = "dapr-caller-app-id";
    public const string CalleeAppId = "dapr-callee-app-id";
    public const string CallerNamespace = "dapr-caller-namespace";
    public const string ApiToken = "dapr-api-token";

    private static readonly FrozenSet<string> NotForwarded = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization", "te", "trailer",
        "transfer-encoding", "upgrade", "expect", "host", "content-length",
        AppId, CallerAppId, CalleeAppId, CallerNamespace, ApiToken,
        TraceContext.TraceParentHeader, TraceContext.TraceStateHeader, SidecarHop.CallerHeader, SidecarHop.ProofHeader);

    private static readonly FrozenSet<string> HopByHopResponse = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade");

    public static bool IsForwarded(string name) =>
        !NotForwarded.Contains(name) && !name.EndsWith("-bin", StringComparison.OrdinalIgnoreCase) && !name.StartsWith(':');

    /// <summary>Copies the caller's headers; content headers land on the content (dropped when there is no body).</summary>
    public static void CopyRequestHeaders(IEnumerable<KeyValuePair<string, StringValues>> source, HttpRequestMessage target, bool dropAuthorization)
    {
        foreach (var (name, values) in source)
        {
            if (!IsForwarded(name)) continue;
            if (dropAuthorization && name.Equals("authorization", StringComparison.OrdinalIgnoreCase)) continue;
            if (values.Count == 1)
            {
                if (!target.Headers.TryAddWithoutValidation(name, values[0])) target.Content?.Headers.TryAddWithoutValidation(name, values[0]);
            }
            else if (!target.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                target.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }
    }

    /// <summary>X-Forwarded-For/-Host/-Proto and <c>Forwarded</c>, added by the first sidecar only (the one the app called).</summary>
    public static void AddForwarded(HttpRequestMessage target, IPAddress? client, string? host)
    {
        var address = client?.ToString() ?? "unknown";
        var existing = target.Headers.TryGetValues("x-forwarded-for", out var values) ? string.Join(", ", values) : null;
        target.Headers.Remove("x-forwarded-for");
        target.Headers.TryAddWithoutValidation("x-forwarded-for", existing is null ? address : $"{existing}, {address}");
        if (host is not null && !target.Headers.Contains("x-forwarded-host")) target.Headers.TryAddWithoutValidation("x-forwarded-host", host);
        if (!target.Headers.Contains("x-forwarded-proto")) target.Headers.TryAddWithoutValidation("x-forwarded-proto", "http");
        var forFor = client?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"\"[{address}]\"" : address;
        target.Headers.TryAddWithoutValidation("forwarded", host is null ? $"for={forFor};proto=http" : $"for={forFor};host={host};proto=http");
    }

    /// <summary>The callee's headers, unchanged except for hop-by-hop ones; Content-Length stays so Kestrel need not chunk.</summary>
    public static void CopyResponseHeaders(HttpResponseMessage source, HttpResponse target)
    {
        foreach (var (name, values) in source.Headers.NonValidated)
        {
            if (!HopByHopResponse.Contains(name)) target.Headers[name] = ToStringValues(values);
        }

        foreach (var (name, values) in source.Content.Headers.NonValidated)
        {
            target.Headers[name] = ToStringValues(values);
        }
    }

    private static StringValues ToStringValues(System.Net.Http.Headers.HeaderStringValues values)
    {
        if (values.Count == 1)
        {
            foreach (var value in values) return value;
        }

        var array = new string[values.Count];
        var i = 0;
        foreach (var value in values) array[i++] = value;
        return array;
    }
}
