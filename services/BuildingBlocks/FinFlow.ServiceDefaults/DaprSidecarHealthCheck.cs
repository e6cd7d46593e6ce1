using Dapr.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinFlow.ServiceDefaults;

/// <summary>Ready only when the sidecar's outbound side (components, pub/sub) is up: without it the service can do nothing useful.</summary>
public sealed class DaprSidecarHealthCheck(DaprClient dapr) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await dapr.CheckOutboundHealthAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The Dapr sidecar's outbound health check failed.");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The Dapr sidecar cannot be reached.", e);
        }
    }
}
