using System.Collections.Concurrent;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Invocation.Resiliency;

/// <summary>
/// Resolves the <c>apps</c> target policy for each callee from the loaded Resiliency resources, falling
/// back per policy kind to daprd's named defaults (<c>DefaultAppRetryPolicy</c>, then <c>DefaultRetryPolicy</c>;
/// likewise for timeouts and circuit breakers). One policy object (and so one breaker) per app id.
/// Unsupported trip expressions of app targets are refused when the sidecar starts.
/// </summary>
public sealed class InvocationPolicies
{
    private readonly IReadOnlyList<ResiliencyDefinition> _definitions;
    private readonly ConcurrentDictionary<string, AppInvocationPolicy?> _policies = new(StringComparer.Ordinal);

    public InvocationPolicies(ResourceSet resources)
    {
        _definitions = resources.Resiliencies;
        foreach (var definition in _definitions)
        {
            // Only breakers invocation may use: component targets belong to other building blocks.
            var used = definition.Apps.Values.Select(t => t.CircuitBreaker).Append(Default(definition.CircuitBreakers, "CircuitBreaker"));
            foreach (var name in used.OfType<string>().Distinct(StringComparer.Ordinal))
            {
                var breaker = definition.CircuitBreakers[name];
                if (!TripCondition.TryParse(breaker.Trip, out _))
                {
                    throw new ResourceException(definition.File, $"spec.policies.circuitBreakers.{name}.trip",
                        $"'{breaker.Trip}' is not supported; FinFlow.Sidecar evaluates only 'consecutiveFailures > N' (or >=, ==)");
                }
            }
        }
    }

    /// <summary>Null when no policy applies: the call then goes out once, streamed, with no timeout of its own.</summary>
    public AppInvocationPolicy? For(string appId) => _definitions.Count == 0 ? null : _policies.GetOrAdd(appId, Build);

    private AppInvocationPolicy? Build(string appId)
    {
        TimeSpan? timeout = null;
        RetryPolicy? retry = null;
        CircuitBreaker? breaker = null;
        foreach (var definition in _definitions)
        {
            if (!definition.Apps.TryGetValue(appId, out var target)) continue;
            timeout ??= Timeout(definition, target.Timeout);
            if (retry is null && target.Retry is { } retryName) retry = definition.Retries[retryName];
            if (breaker is null && target.CircuitBreaker is { } breakerName) breaker = Breaker(definition.CircuitBreakers[breakerName]);
        }

        foreach (var definition in _definitions)
        {
            timeout ??= Timeout(definition, Default(definition.Timeouts, "Timeout"));
            if (retry is null && Default(definition.Retries, "Retry") is { } retryName) retry = definition.Retries[retryName];
            if (breaker is null && Default(definition.CircuitBreakers, "CircuitBreaker") is { } breakerName) breaker = Breaker(definition.CircuitBreakers[breakerName]);
        }

        return timeout is null && retry is null && breaker is null ? null : new AppInvocationPolicy(appId, timeout, retry, breaker);
    }

    private static string? Default<T>(IReadOnlyDictionary<string, T> policies, string kind) =>
        policies.ContainsKey($"DefaultApp{kind}Policy") ? $"DefaultApp{kind}Policy"
            : policies.ContainsKey($"Default{kind}Policy") ? $"Default{kind}Policy"
            : null;

    private static TimeSpan? Timeout(ResiliencyDefinition definition, string? reference)
    {
        if (reference is null) return null;
        if (definition.Timeouts.TryGetValue(reference, out var named)) return named;
        return GoDuration.TryParse(reference, out var inline) ? inline : null;
    }

    private static CircuitBreaker Breaker(CircuitBreakerPolicy policy)
    {
        // Validated in the constructor, so the parse cannot fail here.
        _ = TripCondition.TryParse(policy.Trip, out var trip);
        return new CircuitBreaker(policy.MaxRequests, policy.Interval, policy.Timeout, trip);
    }
}
