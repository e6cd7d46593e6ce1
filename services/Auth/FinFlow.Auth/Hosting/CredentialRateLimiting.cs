using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FinFlow.Auth.Hosting;

/// <summary>
/// A fixed window per client address for login and register: guessing passwords across many accounts
/// from one address is slowed here, guessing one account's password is stopped by its lockout.
/// Rejections are 429 problem details with <c>Retry-After</c>.
/// </summary>
public static class CredentialRateLimiting
{
    public const string PolicyName = "credentials";

    public static IServiceCollection AddCredentialRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CredentialRateLimitOptions>().Bind(configuration.GetSection(CredentialRateLimitOptions.SectionName));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(PolicyName, context =>
            {
                var settings = context.RequestServices.GetRequiredService<IOptions<CredentialRateLimitOptions>>().Value;
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.PermitLimit,
                    Window = TimeSpan.FromSeconds(settings.WindowSeconds),
                    QueueLimit = 0,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var problem = AuthProblems.TooManyAttempts(context.HttpContext, retryAfter, "Too many login or registration attempts from this address.");
                await problem.ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }
}
