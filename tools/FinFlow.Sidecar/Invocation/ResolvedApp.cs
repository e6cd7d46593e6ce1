namespace FinFlow.Sidecar.Invocation;

/// <summary>One entry of the name resolution file (docs/name-resolution.md).</summary>
public sealed record ResolvedApp(string AppId, string Host, int AppPort, int HttpPort, int GrpcPort)
{
    /// <summary>The callee sidecar's HTTP API, where the sidecar-to-sidecar hop goes.</summary>
    public Uri SidecarHttp { get; } = new($"http://{Host}:{HttpPort}/");
}
