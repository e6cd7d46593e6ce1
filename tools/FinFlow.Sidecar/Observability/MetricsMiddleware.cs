using System.Diagnostics;
using FinFlow.Sidecar.Hosting;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace FinFlow.Sidecar.Observability;

/// <summary>
/// Times every API call. HTTP calls are labelled with their route template (not the raw path, which
/// would make one series per key); gRPC calls with the full method name and the final grpc-status.
/// </summary>
public sealed class MetricsMiddleware(RequestDelegate next, ApiMetrics metrics, SidecarOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/metrics", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (context.Connection.LocalPort == options.GrpcPort)
            {
                metrics.RecordGrpc(context.Request.Path.Value ?? "", GrpcStatus(context), elapsed);
            }
            else
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
                metrics.RecordHttp(context.Request.Method, route, context.Response.StatusCode, elapsed);
            }
        }
    }

    private static string GrpcStatus(HttpContext context)
    {
        var trailers = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers;
        var status = trailers?["grpc-status"].ToString() is { Length: > 0 } fromTrailers ? fromTrailers : context.Response.Headers["grpc-status"].ToString();
        return int.TryParse(status, System.Globalization.CultureInfo.InvariantCulture, out var code) ? ((StatusCode)code).ToString() : "OK";
    }
}
