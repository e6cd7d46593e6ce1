using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.ServiceDefaults;

/// <summary>
/// When <c>APP_API_TOKEN</c> is set, only the app's own sidecar (which sends it as <c>dapr-api-token</c>)
/// may call the service: nothing on the host or network reaches it around the sidecar and the gateway.
/// Probes and scrapes stay open. The gateway does not use this: browsers call it directly.
/// </summary>
public static class DaprAppTokenExtensions
{
    public const string Header = "dapr-api-token";

    public static WebApplication UseDaprAppToken(this WebApplication app)
    {
        var configured = app.Configuration["APP_API_TOKEN"];
        if (string.IsNullOrEmpty(configured)) return app;
        var expected = Encoding.UTF8.GetBytes(configured);
        app.Use(async (context, next) =>
        {
            var presented = Encoding.UTF8.GetBytes(context.Request.Headers[Header].ToString());
            if (OperationalPaths.Contains(context.Request.Path) || CryptographicOperations.FixedTimeEquals(presented, expected))
            {
                await next();
                return;
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 401, Title = "Calls must come through the Dapr sidecar.", Detail = "The dapr-api-token header is missing or wrong." },
            });
        });
        return app;
    }
}
