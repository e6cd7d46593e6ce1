using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>
/// <c>/{version}/workflows/{component}/...</c> for v1.0, v1.0-beta1 and v1.0-alpha1 (daprd serves the same
/// handlers under all three). Bodies of start and raiseEvent are passed on as raw text; success is 202,
/// and responses are the Dapr.Protos messages in protojson (<c>instanceID</c>, <c>workflowName</c>, ...).
/// </summary>
public static class WorkflowHttpEndpoints
{
    private static readonly string[] Versions = ["v1.0", "v1.0-beta1", "v1.0-alpha1"];

    public static void Map(IEndpointRouteBuilder http, WorkflowManagementApi api)
    {
        foreach (var version in Versions)
        {
            var prefix = $"/{version}/workflows/{{component}}";
            http.MapGet(prefix + "/{instanceId}", HttpApi.Handle(context => GetAsync(context, api)));
            http.MapPost(prefix + "/{workflowName}/start", HttpApi.Handle(context => StartAsync(context, api)));
            http.MapPost(prefix + "/{instanceId}/raiseEvent/{eventName}", HttpApi.Handle(context => RaiseEventAsync(context, api)));
            http.MapPost(prefix + "/{instanceId}/terminate", HttpApi.Handle(context =>
                AcceptedAsync(context, api.TerminateAsync(new TerminateWorkflowRequest { InstanceId = Route(context, "instanceId") }, AppIdQuery(context), context.RequestAborted))));
            http.MapPost(prefix + "/{instanceId}/pause", HttpApi.Handle(context =>
                AcceptedAsync(context, api.PauseAsync(new PauseWorkflowRequest { InstanceId = Route(context, "instanceId") }, AppIdQuery(context), context.RequestAborted))));
            http.MapPost(prefix + "/{instanceId}/resume", HttpApi.Handle(context =>
                AcceptedAsync(context, api.ResumeAsync(new ResumeWorkflowRequest { InstanceId = Route(context, "instanceId") }, AppIdQuery(context), context.RequestAborted))));
            http.MapPost(prefix + "/{instanceId}/purge", HttpApi.Handle(context =>
                AcceptedAsync(context, api.PurgeAsync(new PurgeWorkflowRequest { InstanceId = Route(context, "instanceId") }, AppIdQuery(context), context.RequestAborted))));
        }
    }

    private static async Task GetAsync(HttpContext context, WorkflowManagementApi api)
    {
        var request = new GetWorkflowRequest { InstanceId = Route(context, "instanceId") };
        var response = await api.GetAsync(request, AppIdQuery(context), context.RequestAborted);
        // The gRPC answer for an unknown instance carries only its id; daprd's HTTP adapter turns that into 404.
        if (response.WorkflowName.Length == 0 && response.CreatedAt is null) throw WorkflowErrors.InstanceNotFound(request.InstanceId);
        await WriteJsonAsync(context, StatusCodes.Status200OK, response);
    }

    private static async Task StartAsync(HttpContext context, WorkflowManagementApi api)
    {
        var request = new StartWorkflowRequest
        {
            WorkflowName = Route(context, "workflowName"),
            WorkflowComponent = Route(context, "component"),
            InstanceId = context.Request.Query["instanceID"].ToString(),
            Input = await ReadBodyAsync(context),
        };
        await WriteJsonAsync(context, StatusCodes.Status202Accepted, await api.StartAsync(request, AppIdQuery(context), context.RequestAborted));
    }

    private static async Task RaiseEventAsync(HttpContext context, WorkflowManagementApi api)
    {
        var request = new RaiseEventWorkflowRequest
        {
            InstanceId = Route(context, "instanceId"),
            WorkflowComponent = Route(context, "component"),
            EventName = Route(context, "eventName"),
            EventData = await ReadBodyAsync(context),
        };
        await AcceptedAsync(context, api.RaiseEventAsync(request, AppIdQuery(context), context.RequestAborted));
    }

    private static async Task AcceptedAsync(HttpContext context, Task operation)
    {
        await operation;
        context.Response.StatusCode = StatusCodes.Status202Accepted;
    }

    private static async Task WriteJsonAsync(HttpContext context, int status, IMessage message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonFormatter.Default.Format(message), context.RequestAborted);
    }

    private static async Task<ByteString> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return ByteString.CopyFrom(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    private static string? AppIdQuery(HttpContext context) =>
        context.Request.Query["appID"].ToString() is { Length: > 0 } appId ? appId : null;
}
