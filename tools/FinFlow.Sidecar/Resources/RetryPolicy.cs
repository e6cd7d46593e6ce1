namespace FinFlow.Sidecar.Resources;

/// <summary>
/// <c>spec.policies.retries.&lt;name&gt;</c>. MaxRetries -1 means unlimited (daprd's default). The status
/// code lists are kept as ranges so a retry can be matched against HTTP or gRPC outcomes.
/// </summary>
public sealed record RetryPolicy
{
    public string Policy { get; init; } = "constant";

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxInterval { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxRetries { get; init; } = -1;

    public IReadOnlyList<StatusCodeRange> HttpStatusCodes { get; init; } = [];

    public IReadOnlyList<StatusCodeRange> GrpcStatusCodes { get; init; } = [];
}
