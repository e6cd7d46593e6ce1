namespace FinFlow.Sidecar.Resources;

/// <summary><c>spec.policies.circuitBreakers.&lt;name&gt;</c>; <c>Trip</c> stays the CEL text daprd evaluates.</summary>
public sealed record CircuitBreakerPolicy(int MaxRequests, TimeSpan Interval, TimeSpan Timeout, string Trip);
