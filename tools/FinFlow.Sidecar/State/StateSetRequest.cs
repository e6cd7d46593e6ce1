namespace FinFlow.Sidecar.State;

/// <summary>
/// One write, with the key already prefixed. ETag null means none was sent (an empty ETag is normalised
/// to null, as components-contrib's HasETag does). TtlSeconds null means no expiry.
/// </summary>
public sealed record StateSetRequest(string Key, byte[] Value, string? ETag, StateConcurrency Concurrency, int? TtlSeconds);
