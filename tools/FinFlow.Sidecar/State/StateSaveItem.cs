namespace FinFlow.Sidecar.State;

/// <summary>A save as the API received it (unprefixed key, raw metadata such as <c>ttlInSeconds</c>).</summary>
public sealed record StateSaveItem(string Key, byte[] Value, string? ETag, StateConcurrency Concurrency, IReadOnlyDictionary<string, string> Metadata);
