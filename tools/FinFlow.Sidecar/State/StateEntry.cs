namespace FinFlow.Sidecar.State;

/// <summary>A stored value: the exact bytes written, its current ETag and, when a TTL is set, its deadline.</summary>
public sealed record StateEntry(byte[] Value, string ETag, DateTimeOffset? ExpiresAt);
