using System.Globalization;
using System.Threading.RateLimiting;
using FinFlow.Gateway.Proxy;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace FinFlow.Gateway.Protection;

/// <summary>Rate limits (per user, and per IP before login), CORS for the dashboard, body-size limits.</summary>
public static class GatewayProtection
{
    public const string PerUserPolicy = "per-user";
    public const string PerIpPolicy = "per-ip";
    public const string CorsPolicy = "frontend";

    public static WebApplicationBuilder AddGatewayProtection(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins(options.FrontendOrigins)
            .WithHeaders("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id")
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ProxyConfiguration.AuthenticatedPolicy, policy => policy.RequireAuthenticatedUser());
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(PerUserPolicy, context => Window(
                context.User.FindFirst(FinFlowClaims.Subject)?.Value ?? Ip(context), options.PerUserRequestsPer10Seconds));
            limiter.AddPolicy(PerIpPolicy, context => Window(Ip(context), options.PerIpAnonymousRequestsPer10Seconds));
        });
        return builder;
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(10),
            QueueLimit = 0,
        });

    private static string Ip(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(10);
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var problems = rejected.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = rejected.HttpContext,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = "Retry after the number of seconds in Retry-After." },
        });
    }
}
