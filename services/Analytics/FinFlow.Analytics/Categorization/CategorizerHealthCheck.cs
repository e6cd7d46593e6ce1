using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinFlow.Analytics.Categorization;

/// <summary>Ready once the categorization model is loaded.</summary>
public sealed class CategorizerHealthCheck(CategorizerHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Categorizer is null
            ? HealthCheckResult.Unhealthy("The categorization model is still loading.")
            : HealthCheckResult.Healthy($"Model {host.Card?.Version}"));
}
