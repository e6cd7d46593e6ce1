namespace FinFlow.Sidecar.PubSub;

/// <summary>One event to publish, as received on HTTP or gRPC, before the envelope is built.</summary>
public sealed record PublishRequest(
    string PubsubName,
    string Topic,
    byte[] Data,
    string? ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    string? TraceParent,
    string? TraceState);
