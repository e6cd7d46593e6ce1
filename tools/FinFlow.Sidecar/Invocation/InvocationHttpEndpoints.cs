using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace FinFlow.Sidecar.Invocation;

/// <summary>
/// <c>ANY /v1.0/invoke/{appId}/method/{**method}</c> and the header form: any request no other route
/// takes, addressed by <c>dapr-app-id</c> (or Basic <c>dapr-app-id:&lt;appId&gt;</c>), is an invocation of
/// its whole path; without an app id it is daprd's 404 ERR_DIRECT_INVOKE (contract §4.1).
/// </summary>
public sealed class InvocationHttpEndpoints(InvocationDispatcher dispatcher, SidecarHop hop, SidecarOptions options)
{
    public void Map(SidecarEndpoints endpoints)
    {
        endpoints.Http.Map("/v1.0/invoke/{appId}/method/{**method}", HttpApi.Handle(context =>
        {
            var appId = context.Request.RouteValues["appId"] as string ?? "";
            return InvokeAsync(context, appId, InvokeTarget.MethodPathAndQuery(context), dropAuthorization: false);
        }));

        endpoints.Http.MapFallback("{**path}", HttpApi.Handle(context =>
        {
            var (appId, fromAuthorization) = InvokeTarget.FromHeaders(context.Request.Headers);
            if (appId is null) throw InvocationErrors.NoAppId();
            return InvokeAsync(context, appId, InvokeTarget.WholePathAndQuery(context), fromAuthorization);
        }));
    }

    private async Task InvokeAsync(HttpContext context, string appId, string pathAndQuery, bool dropAuthorization)
    {
        var request = context.Request;
        var caller = options.AppId;
        var fromHop = false;
        var hopCaller = request.Headers[SidecarHop.CallerHeader].ToString();
        if (hopCaller.Length > 0)
        {
            if (!hop.Verify(hopCaller, appId, request.Headers[SidecarHop.ProofHeader].ToString())) throw InvocationErrors.UntrustedHop(appId);
            caller = hopCaller;
            fromHop = true;
        }

        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? request.ContentLength > 0;
        ReadOnlyMemory<byte>? buffered = null;
        if (hasBody && dispatcher.NeedsReplayableBody(appId, fromHop))
        {
            using var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy, context.RequestAborted);
            buffered = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        }

        var call = new InvocationCall
        {
            TargetAppId = appId,
            CallerAppId = caller,
            FromHop = fromHop,
            Method = HttpMethod.Parse(request.Method),
            PathAndQuery = pathAndQuery,
            Headers = request.Headers,
            DropAuthorization = dropAuthorization,
            TraceParent = request.Headers[TraceContext.TraceParentHeader].ToString(),
            TraceState = request.Headers[TraceContext.TraceStateHeader].ToString(),
            ClientAddress = context.Connection.RemoteIpAddress,
            Host = request.Host.HasValue ? request.Host.Value : null,
            BodyStream = hasBody && buffered is null ? request.Body : null,
            ContentLength = request.ContentLength,
            BufferedBody = buffered,
        };
        using var result = await dispatcher.SendAsync(call, context.RequestAborted);
        await InvocationResponseWriter.WriteAsync(context, result);
    }
}
