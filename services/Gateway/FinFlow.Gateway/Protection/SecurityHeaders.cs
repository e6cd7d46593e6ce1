namespace FinFlow.Gateway.Protection;

/// <summary>Browser-facing hardening headers on every answer, and a request id for correlation.</summary>
public static class SecurityHeaders
{
    public const string RequestIdHeader = "X-Request-Id";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Headers.ContainsKey(RequestIdHeader)) context.Request.Headers[RequestIdHeader] = Guid.NewGuid().ToString("N");
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Swagger UI needs inline styles and scripts; everything else is same-origin only.
            headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
            headers[RequestIdHeader] = context.Request.Headers[RequestIdHeader].ToString();
            return Task.CompletedTask;
        });
        await next();
    });
}
