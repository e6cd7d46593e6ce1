using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinFlow.Credit.Hosting;

/// <summary>Ready only with a model: without one the service cannot score, so traffic should go elsewhere.</summary>
public sealed class CreditModelHealthCheck(CreditModelHost host) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(host.Model is { } model
            ? HealthCheckResult.Healthy($"Model {model.ModelVersion} ({model.Scorer.Kind})")
            : HealthCheckResult.Unhealthy(host.LoadError));
}
