namespace FinFlow.Sidecar.State;

/// <summary>One bulk-get answer: the caller's key, the entry if it exists, or the per-key error text.</summary>
public sealed record StateGetResult(string Key, StateEntry? Entry, string? Error);
