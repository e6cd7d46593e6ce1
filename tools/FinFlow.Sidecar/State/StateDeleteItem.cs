namespace FinFlow.Sidecar.State;

/// <summary>A delete as the API received it (unprefixed key).</summary>
public sealed record StateDeleteItem(string Key, string? ETag, StateConcurrency Concurrency);
