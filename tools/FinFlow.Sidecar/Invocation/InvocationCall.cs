using System.Net;
using Microsoft.Extensions.Primitives;

namespace FinFlow.Sidecar.Invocation;

/// <summary>One invocation as the transports (HTTP route, header form, gRPC InvokeService) hand it to the dispatcher.</summary>
public sealed class InvocationCall
{
    public required string TargetAppId { get; init; }

    /// <summary>The app the call comes from: this sidecar's app, or the verified caller of a sidecar hop.</summary>
    public required string CallerAppId { get; init; }

    /// <summary>True when another sidecar sent it; then it must be delivered here and X-Forwarded-* stay as they came.</summary>
    public bool FromHop { get; init; }

    public required HttpMethod Method { get; init; }

    /// <summary>The method path and raw query as the callee sees them, starting with '/', still URL-encoded.</summary>
    public required string PathAndQuery { get; init; }

    public required IEnumerable<KeyValuePair<string, StringValues>> Headers { get; init; }

    /// <summary>The header form may carry the target in HTTP Basic credentials, which must not reach the callee.</summary>
    public bool DropAuthorization { get; init; }

    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    public IPAddress? ClientAddress { get; init; }

    public string? Host { get; init; }

    /// <summary>A one-shot body, streamed through (null when there is no body or it is buffered).</summary>
    public Stream? BodyStream { get; init; }

    public long? ContentLength { get; init; }

    /// <summary>A body held in memory, needed when a retry policy may send it again.</summary>
    public ReadOnlyMemory<byte>? BufferedBody { get; init; }
}
