namespace FinFlow.Sidecar.Resources;

/// <summary>The policy names a target refers to (any may be absent).</summary>
public sealed record ResiliencyTarget(string? Timeout, string? Retry, string? CircuitBreaker);
