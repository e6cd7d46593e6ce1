namespace FinFlow.Sidecar.Resources;

/// <summary>A <c>kind: Resiliency</c> document: named policies and the targets that use them.</summary>
public sealed record ResiliencyDefinition
{
    public required string Name { get; init; }

    public IReadOnlyDictionary<string, TimeSpan> Timeouts { get; init; } = new Dictionary<string, TimeSpan>();

    public IReadOnlyDictionary<string, RetryPolicy> Retries { get; init; } = new Dictionary<string, RetryPolicy>();

    public IReadOnlyDictionary<string, CircuitBreakerPolicy> CircuitBreakers { get; init; } = new Dictionary<string, CircuitBreakerPolicy>();

    public IReadOnlyDictionary<string, ResiliencyTarget> Apps { get; init; } = new Dictionary<string, ResiliencyTarget>();

    public IReadOnlyDictionary<string, ComponentResiliencyTarget> Components { get; init; } = new Dictionary<string, ComponentResiliencyTarget>();

    public IReadOnlyDictionary<string, ResiliencyTarget> Actors { get; init; } = new Dictionary<string, ResiliencyTarget>();

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public required string File { get; init; }
}
