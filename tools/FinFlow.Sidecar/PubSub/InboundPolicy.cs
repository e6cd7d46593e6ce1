using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// The resiliency daprd wraps around each delivery of a pub/sub component (contract §6.3): the component's
/// <c>inbound</c> target, else the first defined default of <c>DefaultPubsubComponentInbound…</c>,
/// <c>DefaultComponentInbound…</c>, <c>DefaultComponent…</c>, <c>Default…</c>. With none there is one
/// attempt and no retry, as in daprd.
/// </summary>
public sealed record InboundPolicy(RetryPolicy? Retry, TimeSpan? Timeout)
{
    /// <summary>daprd's exponential policy starts at 500 ms (<c>duration</c> only shapes the constant one).</summary>
    private static readonly TimeSpan ExponentialStart = TimeSpan.FromMilliseconds(500);

    public static InboundPolicy None { get; } = new(null, null);

    public static InboundPolicy For(IReadOnlyList<ResiliencyDefinition> resiliencies, string component)
    {
        RetryPolicy? retry = null;
        TimeSpan? timeout = null;
        foreach (var resiliency in resiliencies)
        {
            if (resiliency.Components.GetValueOrDefault(component)?.Inbound is not { } target) continue;
            if (retry is null && target.Retry is { } retryName) retry = resiliency.Retries[retryName];
            if (timeout is null && target.Timeout is { } timeoutName) timeout = TimeoutOf(resiliency, timeoutName);
        }

        retry ??= Default(resiliencies, "Retry", (r, name) => r.Retries.GetValueOrDefault(name));
        timeout ??= Default(resiliencies, "Timeout", (r, name) => r.Timeouts.TryGetValue(name, out var t) ? t : (TimeSpan?)null);
        return new InboundPolicy(retry, timeout is { } t2 && t2 > TimeSpan.Zero ? t2 : null);
    }

    /// <summary>True when the retry limit was set by the operator rather than left unlimited.</summary>
    public bool HasBoundedRetries => Retry is { MaxRetries: >= 0 };

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based), or null when no further attempt is allowed.</summary>
    public TimeSpan? Delay(int retry, TimeSpan previous, int? httpStatus)
    {
        if (Retry is not { } policy) return null;
        if (policy.MaxRetries >= 0 && retry > policy.MaxRetries) return null;
        // matching.httpStatusCodes narrows which app answers are retried; failures without a status always are.
        if (httpStatus is { } status && policy.HttpStatusCodes.Count > 0 && !policy.HttpStatusCodes.Any(r => r.Contains(status))) return null;
        if (policy.Policy == "constant") return policy.Duration;
        var basis = retry == 1 ? ExponentialStart : previous * 1.5;
        var randomized = basis * (0.5 + Random.Shared.NextDouble());
        return randomized > policy.MaxInterval ? policy.MaxInterval : randomized;
    }

    private static T? Default<T>(IReadOnlyList<ResiliencyDefinition> resiliencies, string kind, Func<ResiliencyDefinition, string, T?> find)
    {
        string[] names = [$"DefaultPubsubComponentInbound{kind}Policy", $"DefaultComponentInbound{kind}Policy", $"DefaultComponent{kind}Policy", $"Default{kind}Policy"];
        foreach (var name in names)
        {
            foreach (var resiliency in resiliencies)
            {
                if (find(resiliency, name) is { } found) return found;
            }
        }

        return default;
    }

    private static TimeSpan? TimeoutOf(ResiliencyDefinition resiliency, string name) =>
        resiliency.Timeouts.TryGetValue(name, out var named) ? named : GoDuration.TryParse(name, out var inline) ? inline : null;
}
