using System.Globalization;
using FinFlow.Gateway.Protection;
using Yarp.ReverseProxy.Configuration;

namespace FinFlow.Gateway.Proxy;

/// <summary>
/// YARP routes built in code: <c>/api/{service}/**</c> goes to the gateway's own sidecar with
/// <c>dapr-app-id: {service}</c> and the path mapped to <c>/{service}/**</c>; the sidecar does the rest.
/// </summary>
public static class ProxyConfiguration
{
    public const string SidecarCluster = "sidecar";
    public const string AuthenticatedPolicy = "authenticated";
    public const string AnonymousPolicy = "anonymous";

    public static IReadOnlyList<RouteConfig> Routes(string? daprApiToken)
    {
        var routes = new List<RouteConfig>();
        foreach (var service in ServiceRoutes.Services)
        {
            routes.Add(Route($"{service}-all", service, $"/api/{service}/{{**rest}}", null, AuthenticatedPolicy, daprApiToken));
            // Each service's OpenAPI document is public: the combined Swagger UI reads it before anyone logs in.
            routes.Add(Route($"{service}-openapi", service, $"/api/{service}/swagger/v1/swagger.json", "GET", AnonymousPolicy, daprApiToken, "/swagger/v1/swagger.json"));
        }

        routes.AddRange(ServiceRoutes.Anonymous.Select((route, index) =>
            Route($"anonymous-{index.ToString(CultureInfo.InvariantCulture)}", route.Path.Split('/')[2], route.Path, route.Method, AnonymousPolicy, daprApiToken)));
        return routes;
    }

    public static IReadOnlyList<ClusterConfig> Clusters(int daprHttpPort) =>
    [
        new ClusterConfig
        {
            ClusterId = SidecarCluster,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["sidecar"] = new() { Address = $"http://127.0.0.1:{daprHttpPort.ToString(CultureInfo.InvariantCulture)}/" },
            },
        },
    ];

    private static RouteConfig Route(
        string id, string service, string path, string? method, string policy, string? daprApiToken, string? targetPath = null)
    {
        // Services serve their API under /{service}/..., but their OpenAPI document at the root.
        targetPath ??= "/" + service + (path.EndsWith("{**rest}", StringComparison.Ordinal) ? "/{**rest}" : path[$"/api/{service}".Length..]);
        var transforms = new List<Dictionary<string, string>>
        {
            new() { ["PathPattern"] = targetPath },
            new() { ["RequestHeader"] = "dapr-app-id", ["Set"] = service },
            // Clients must never choose the sidecar token: drop theirs, set ours when there is one.
            daprApiToken is null
                ? new() { ["RequestHeaderRemove"] = "dapr-api-token" }
                : new() { ["RequestHeader"] = "dapr-api-token", ["Set"] = daprApiToken },
        };
        return new RouteConfig
        {
            RouteId = id,
            ClusterId = SidecarCluster,
            AuthorizationPolicy = policy,
            RateLimiterPolicy = policy == AnonymousPolicy ? GatewayProtection.PerIpPolicy : GatewayProtection.PerUserPolicy,
            // Literal paths must win over the catch-all even though both match.
            Order = path.Contains("{**rest}", StringComparison.Ordinal) ? 100 : 0,
            Match = new RouteMatch { Path = path, Methods = method is null ? null : [method] },
            Transforms = transforms,
        };
    }
}
