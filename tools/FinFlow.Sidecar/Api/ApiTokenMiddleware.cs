using System.Security.Cryptography;
using System.Text;
using FinFlow.Sidecar.Hosting;
using Microsoft.AspNetCore.Http;

namespace FinFlow.Sidecar.Api;

/// <summary>
/// DAPR_API_TOKEN enforcement as daprd does it: every HTTP call except <c>GET /v1.0/healthz[/outbound]</c>
/// needs a matching <c>dapr-api-token</c> header (401 "invalid api token" otherwise) and every gRPC call,
/// whatever the service, needs the same metadata (Unauthenticated otherwise). The header is removed
/// before the request goes on, so it never leaks into an invoked app.
/// </summary>
public sealed class ApiTokenMiddleware(RequestDelegate next, SidecarOptions options)
{
    public const string HeaderName = "dapr-api-token";
    private readonly byte[]? _expected = options.ApiToken is null ? null : Encoding.UTF8.GetBytes(options.ApiToken);

    public async Task InvokeAsync(HttpContext context)
    {
        if (_expected is null)
        {
            await next(context);
            return;
        }

        var supplied = context.Request.Headers[HeaderName].ToString();
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(supplied), _expected);
        if (!valid && !IsExempt(context))
        {
            if (context.Connection.LocalPort == options.GrpcPort)
            {
                // A trailers-only gRPC response: HTTP 200 whose headers carry the status.
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = ((int)global::Grpc.Core.StatusCode.Unauthenticated).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers["grpc-message"] = supplied.Length == 0 ? "missing api token in request metadata" : "authentication error: api token mismatch";
                return;
            }

            context.Response.StatusCode = 401;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("invalid api token\n", context.RequestAborted);
            return;
        }

        context.Request.Headers.Remove(HeaderName);
        await next(context);
    }

    private bool IsExempt(HttpContext context)
    {
        if (context.Connection.LocalPort != options.HttpPort) return false;
        var path = context.Request.Path.Value?.Trim('/') ?? "";
        // daprd serves metrics on a separate port without the token; here they share the HTTP port.
        if (path == "metrics") return true;
        return HttpMethods.IsGet(context.Request.Method) && path is "v1.0/healthz" or "v1.0/healthz/outbound";
    }
}
