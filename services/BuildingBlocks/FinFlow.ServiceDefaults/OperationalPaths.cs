using Microsoft.AspNetCore.Http;

namespace FinFlow.ServiceDefaults;

/// <summary>Probe and scrape endpoints: answered anonymously, and kept out of request logs and traces.</summary>
internal static class OperationalPaths
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";
    public const string Metrics = "/metrics";

    public static bool Contains(PathString path) =>
        path.StartsWithSegments(Liveness) || path.StartsWithSegments(Readiness) || path.StartsWithSegments(Metrics);
}
