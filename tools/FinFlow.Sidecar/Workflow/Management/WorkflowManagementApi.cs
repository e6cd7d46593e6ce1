using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Hosting;
using Google.Protobuf.WellKnownTypes;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>
/// The management operations shared by the HTTP <c>/v1.0/workflows</c> routes and the gRPC
/// <c>…Beta1</c>/<c>…Alpha1</c> methods, in the Dapr.Protos request and response types (the app id, which
/// 1.18.7's protos lack, comes from HTTP's <c>?appID=</c>), with daprd's
/// checks in daprd's order: actor runtime, instance id, names, app id, then the engine.
/// </summary>
public sealed class WorkflowManagementApi(IWorkflowManagement engine, ComponentCatalog components, SidecarOptions options)
{
    private static readonly Empty Done = new();

    public async Task<StartWorkflowResponse> StartAsync(StartWorkflowRequest request, string? appId, CancellationToken ct)
    {
        RequireEngine();
        var instanceId = request.InstanceId.Length > 0 ? request.InstanceId : Guid.NewGuid().ToString();
        WorkflowRequestRules.CheckInstanceId(instanceId, isCreate: true);
        if (request.WorkflowName.Length == 0) throw WorkflowErrors.NameMissing();
        WorkflowRequestRules.CheckAppId(appId, options.AppId, detail => WorkflowErrors.Start(request.WorkflowName, detail));
        var startAt = WorkflowRequestRules.StartTime(request.Options, request.WorkflowName);
        // daprd hands the body over as the input text, uninterpreted; an empty body is no input at all for the SDK.
        var input = request.Input.IsEmpty ? null : request.Input.ToStringUtf8();
        var id = await Run(() => engine.StartAsync(new WorkflowStartRequest(request.WorkflowName, instanceId, input, startAt), ct),
            detail => WorkflowErrors.Start(request.WorkflowName, $"unable to start workflow: {detail}"));
        return new StartWorkflowResponse { InstanceId = id };
    }

    /// <summary>An unknown instance answers with only the instance id set, as daprd's gRPC API does; HTTP turns that into 404.</summary>
    public async Task<GetWorkflowResponse> GetAsync(GetWorkflowRequest request, string? appId, CancellationToken ct)
    {
        RequireEngine();
        WorkflowRequestRules.CheckInstanceId(request.InstanceId, isCreate: false);
        WorkflowRequestRules.CheckAppId(appId, options.AppId, detail => WorkflowErrors.Get(request.InstanceId, detail));
        var view = await Run(() => engine.GetAsync(request.InstanceId, ct), detail => WorkflowErrors.Get(request.InstanceId, detail));
        return view is null ? new GetWorkflowResponse { InstanceId = request.InstanceId } : WorkflowViewMapper.ToResponse(view);
    }

    public async Task<Empty> TerminateAsync(TerminateWorkflowRequest request, string? appId, CancellationToken ct)
    {
        var id = CheckExisting(request.InstanceId, appId, WorkflowErrors.Terminate);
        await Run(() => engine.TerminateAsync(id, output: null, recursive: true, ct), detail => WorkflowErrors.Terminate(id, detail), notFoundId: id);
        return Done;
    }

    public async Task<Empty> RaiseEventAsync(RaiseEventWorkflowRequest request, string? appId, CancellationToken ct)
    {
        RequireEngine();
        WorkflowRequestRules.CheckInstanceId(request.InstanceId, isCreate: false);
        if (request.EventName.Length == 0) throw WorkflowErrors.EventNameMissing();
        var id = request.InstanceId;
        WorkflowRequestRules.CheckAppId(appId, options.AppId, detail => WorkflowErrors.RaiseEvent(id, detail));
        var payload = request.EventData.IsEmpty ? null : request.EventData.ToStringUtf8();
        await Run(() => engine.RaiseEventAsync(id, request.EventName, payload, ct), detail => WorkflowErrors.RaiseEvent(id, detail));
        return Done;
    }

    public async Task<Empty> PauseAsync(PauseWorkflowRequest request, string? appId, CancellationToken ct)
    {
        var id = CheckExisting(request.InstanceId, appId, WorkflowErrors.Pause);
        await Run(() => engine.SuspendAsync(id, reason: null, ct), detail => WorkflowErrors.Pause(id, detail));
        return Done;
    }

    public async Task<Empty> ResumeAsync(ResumeWorkflowRequest request, string? appId, CancellationToken ct)
    {
        var id = CheckExisting(request.InstanceId, appId, WorkflowErrors.Resume);
        await Run(() => engine.ResumeAsync(id, reason: null, ct), detail => WorkflowErrors.Resume(id, detail));
        return Done;
    }

    public async Task<Empty> PurgeAsync(PurgeWorkflowRequest request, string? appId, CancellationToken ct)
    {
        var id = CheckExisting(request.InstanceId, appId, WorkflowErrors.Purge);
        await Run(() => engine.PurgeAsync(id, recursive: true, ct), detail => WorkflowErrors.Purge(id, detail), notFoundId: id);
        return Done;
    }

    private string CheckExisting(string instanceId, string? appId, Func<string, string, DaprApiException> failure)
    {
        RequireEngine();
        WorkflowRequestRules.CheckInstanceId(instanceId, isCreate: false);
        WorkflowRequestRules.CheckAppId(appId, options.AppId, detail => failure(instanceId, detail));
        return instanceId;
    }

    private void RequireEngine()
    {
        if (components.ActorStateStore is null) throw WorkflowErrors.ActorRuntimeNotFound();
    }

    private static Task<bool> Run(Func<Task> call, Func<string, DaprApiException> failure, string? notFoundId = null) =>
        Run(async () =>
        {
            await call();
            return true;
        }, failure, notFoundId);

    /// <summary>
    /// Maps the engine's refusals: daprd answers 404 for an unknown instance only on terminate and purge;
    /// everywhere else the refusal is the operation's own 500 error with the reason in the message.
    /// </summary>
    private static async Task<T> Run<T>(Func<Task<T>> call, Func<string, DaprApiException> failure, string? notFoundId = null)
    {
        try
        {
            return await call();
        }
        catch (WorkflowManagementException error) when (error.Error == WorkflowManagementError.EngineUnavailable)
        {
            throw WorkflowErrors.ActorRuntimeNotFound();
        }
        catch (WorkflowManagementException error) when (notFoundId is not null && error.Error == WorkflowManagementError.InstanceNotFound)
        {
            throw WorkflowErrors.InstanceNotFound(notFoundId);
        }
        catch (WorkflowManagementException error)
        {
            throw failure(error.Message);
        }
    }
}
