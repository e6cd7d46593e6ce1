namespace FinFlow.Sidecar.Resources;

/// <summary>Reads <c>kind: Resiliency</c> and checks that every target names a defined policy.</summary>
public static class ResiliencyParser
{
    public static ResiliencyDefinition Parse(YamlCursor document)
    {
        var policies = document["spec"]["policies"];
        var timeouts = policies["timeouts"].Entries().ToDictionary(e => e.Key, e => e.Value.AsDuration(TimeSpan.Zero), StringComparer.Ordinal);
        var retries = policies["retries"].Entries().ToDictionary(e => e.Key, e => ParseRetry(e.Value), StringComparer.Ordinal);
        var breakers = policies["circuitBreakers"].Entries().ToDictionary(
            e => e.Key,
            e => new CircuitBreakerPolicy(
                e.Value["maxRequests"].AsInt(1),
                e.Value["interval"].AsDuration(TimeSpan.Zero),
                e.Value["timeout"].AsDuration(TimeSpan.FromSeconds(60)),
                e.Value["trip"].AsString() ?? "consecutiveFailures > 5"),
            StringComparer.Ordinal);

        var definition = new ResiliencyDefinition
        {
            Name = document["metadata"]["name"].RequiredString(),
            Timeouts = timeouts,
            Retries = retries,
            CircuitBreakers = breakers,
            Scopes = document["scopes"].StringList(),
            File = document.File,
        };
        var targets = document["spec"]["targets"];
        return definition with
        {
            Apps = targets["apps"].Entries().ToDictionary(e => e.Key, e => ParseTarget(e.Value, definition), StringComparer.Ordinal),
            Actors = targets["actors"].Entries().ToDictionary(e => e.Key, e => ParseTarget(e.Value, definition), StringComparer.Ordinal),
            Components = targets["components"].Entries().ToDictionary(
                e => e.Key,
                e => new ComponentResiliencyTarget(
                    e.Value["outbound"].Exists ? ParseTarget(e.Value["outbound"], definition) : null,
                    e.Value["inbound"].Exists ? ParseTarget(e.Value["inbound"], definition) : null),
                StringComparer.Ordinal),
        };
    }

    private static RetryPolicy ParseRetry(YamlCursor cursor)
    {
        var policy = cursor["policy"].AsString() ?? "constant";
        if (policy is not ("constant" or "exponential")) throw cursor["policy"].Error($"'{policy}' is not constant or exponential");
        return new RetryPolicy
        {
            Policy = policy,
            Duration = cursor["duration"].AsDuration(TimeSpan.FromSeconds(5)),
            MaxInterval = cursor["maxInterval"].AsDuration(TimeSpan.FromSeconds(60)),
            MaxRetries = cursor["maxRetries"].AsInt(-1),
            HttpStatusCodes = StatusCodeRange.ParseList(cursor["matching"]["httpStatusCodes"]),
            GrpcStatusCodes = StatusCodeRange.ParseList(cursor["matching"]["gRPCStatusCodes"]),
        };
    }

    private static ResiliencyTarget ParseTarget(YamlCursor cursor, ResiliencyDefinition policies)
    {
        var timeout = cursor["timeout"].AsString();
        var retry = cursor["retry"].AsString();
        var breaker = cursor["circuitBreaker"].AsString();
        // A timeout may also be written inline as a duration, which daprd accepts.
        if (timeout is not null && !policies.Timeouts.ContainsKey(timeout) && !GoDuration.TryParse(timeout, out _))
        {
            throw cursor["timeout"].Error($"no timeout policy named '{timeout}'");
        }

        if (retry is not null && !policies.Retries.ContainsKey(retry)) throw cursor["retry"].Error($"no retry policy named '{retry}'");
        if (breaker is not null && !policies.CircuitBreakers.ContainsKey(breaker))
        {
            throw cursor["circuitBreaker"].Error($"no circuit breaker policy named '{breaker}'");
        }

        return new ResiliencyTarget(timeout, retry, breaker);
    }
}
