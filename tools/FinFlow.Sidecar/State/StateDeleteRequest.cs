namespace FinFlow.Sidecar.State;

/// <summary>One delete, with the key already prefixed; ETag null means unconditional.</summary>
public sealed record StateDeleteRequest(string Key, string? ETag, StateConcurrency Concurrency);
