using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Api.DaprGrpc;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace FinFlow.Sidecar.Workflow.TaskHub;

/// <summary>
/// The implemented TaskHubSidecarService RPCs (those the Dapr.Workflow 1.18.7 worker and DaprWorkflowClient call).
/// Client RPCs go through the same <see cref="IWorkflowManagement"/> code as the HTTP and Beta1 APIs.
/// </summary>
public sealed class TaskHubRpcs
{
    private const int DefaultPageSize = 100;
    private readonly WorkflowEngine _engine;

    public TaskHubRpcs(WorkflowEngine engine)
    {
        _engine = engine;
        var m = Methods;
        m.MapUnary<Empty, Empty>("Hello", (_, _) => Task.FromResult(new Empty()));
        m.MapServerStreaming<GetWorkItemsRequest, WorkItem>("GetWorkItems", (_, stream, call) => Guard(() => engine.ServeWorkItemsAsync(stream, call.CancellationToken)));
        m.MapUnary<WorkflowResponse, CompleteTaskResponse>("CompleteOrchestratorTask", CompleteTurnAsync);
        m.MapUnary<WorkflowResponse, CompleteTaskResponse>("CompleteWorkflowTask", CompleteTurnAsync);
        m.MapUnary<ActivityResponse, CompleteTaskResponse>("CompleteActivityTask", async (response, call) =>
        {
            await Guard(() => engine.CompleteActivityAsync(response, call.CancellationToken));
            return new CompleteTaskResponse();
        });
        m.MapUnary<CreateInstanceRequest, CreateInstanceResponse>("StartInstance", StartAsync);
        m.MapUnary<GetInstanceRequest, GetInstanceResponse>("GetInstance", (request, call) => GetAsync(request, _ => true, call));
        m.MapUnary<GetInstanceRequest, GetInstanceResponse>("WaitForInstanceStart",
            (request, call) => GetAsync(request, r => r.Status != OrchestrationStatus.Pending, call));
        m.MapUnary<GetInstanceRequest, GetInstanceResponse>("WaitForInstanceCompletion", (request, call) => GetAsync(request, r => r.IsFinished, call));
        m.MapUnary<RaiseEventRequest, RaiseEventResponse>("RaiseEvent", async (request, call) =>
        {
            await Guard(() => engine.RaiseEventAsync(Required(request.InstanceId), request.Name, request.Input, call.CancellationToken));
            return new RaiseEventResponse();
        });
        m.MapUnary<TerminateRequest, TerminateResponse>("TerminateInstance", async (request, call) =>
        {
            await Guard(() => engine.TerminateAsync(Required(request.InstanceId), request.Output, request.Recursive, call.CancellationToken));
            return new TerminateResponse();
        });
        m.MapUnary<SuspendRequest, SuspendResponse>("SuspendInstance", async (request, call) =>
        {
            await Guard(() => engine.SuspendAsync(Required(request.InstanceId), request.Reason, call.CancellationToken));
            return new SuspendResponse();
        });
        m.MapUnary<ResumeRequest, ResumeResponse>("ResumeInstance", async (request, call) =>
        {
            await Guard(() => engine.ResumeAsync(Required(request.InstanceId), request.Reason, call.CancellationToken));
            return new ResumeResponse();
        });
        m.MapUnary<PurgeInstancesRequest, PurgeInstancesResponse>("PurgeInstances", PurgeAsync);
        m.MapUnary<ListInstanceIDsRequest, ListInstanceIDsResponse>("ListInstanceIDs", ListAsync);
        m.MapUnary<GetInstanceHistoryRequest, GetInstanceHistoryResponse>("GetInstanceHistory", HistoryAsync);
    }

    /// <summary>The binding table (the same helper the Dapr service uses); read once when the service is mapped.</summary>
    public DaprGrpcMethods Methods { get; } = new();

    private Task<CompleteTaskResponse> CompleteTurnAsync(WorkflowResponse response, ServerCallContext call)
    {
        if (!_engine.IsAvailable) throw ToRpc(new WorkflowManagementException(WorkflowManagementError.EngineUnavailable, _engine.UnavailableReason));
        _engine.CompleteTurn(response);
        return Task.FromResult(new CompleteTaskResponse());
    }

    private async Task<CreateInstanceResponse> StartAsync(CreateInstanceRequest request, ServerCallContext call)
    {
        if (string.IsNullOrEmpty(request.Name)) throw new RpcException(new Status(StatusCode.InvalidArgument, "workflow name is required"));
        var start = new WorkflowStartRequest(request.Name, request.InstanceId, request.Input, request.ScheduledStartTimestamp?.ToDateTimeOffset());
        var instanceId = await Guard(() => _engine.StartAsync(start, call.CancellationToken));
        return new CreateInstanceResponse { InstanceId = instanceId };
    }

    private async Task<GetInstanceResponse> GetAsync(GetInstanceRequest request, Func<Storage.WorkflowInstanceRecord, bool> done, ServerCallContext call)
    {
        var record = await Guard(() => _engine.WaitAsync(Required(request.InstanceId), done, call.CancellationToken));
        return record is null
            ? new GetInstanceResponse { Exists = false }
            : new GetInstanceResponse { Exists = true, WorkflowState = WorkflowStateMapper.ToState(record, request.GetInputsAndOutputs) };
    }

    private async Task<PurgeInstancesResponse> PurgeAsync(PurgeInstancesRequest request, ServerCallContext call)
    {
        if (request.RequestCase != PurgeInstancesRequest.RequestOneofCase.InstanceId)
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, "purging by filter is not implemented by FinFlow.Sidecar; purge by instance id"));
        }

        var instanceId = Required(request.InstanceId);
        int deleted;
        try
        {
            deleted = await _engine.PurgeAsync(instanceId, request.Recursive, call.CancellationToken);
        }
        catch (WorkflowManagementException error) when (error.Error == WorkflowManagementError.InstanceNotFound)
        {
            deleted = 0; // the client reports "nothing purged" (false), not an error
        }
        catch (WorkflowManagementException error)
        {
            throw ToRpc(error);
        }

        return new PurgeInstancesResponse { DeletedInstanceCount = deleted, IsComplete = true };
    }

    private async Task<ListInstanceIDsResponse> ListAsync(ListInstanceIDsRequest request, ServerCallContext call)
    {
        var pageSize = request.HasPageSize && request.PageSize > 0 ? (int)Math.Min(request.PageSize, 1000) : DefaultPageSize;
        var token = request.HasContinuationToken && request.ContinuationToken.Length > 0 ? request.ContinuationToken : null;
        var (ids, next) = await Guard(() => _engine.ListAsync(token, pageSize, call.CancellationToken));
        var response = new ListInstanceIDsResponse();
        response.InstanceIds.AddRange(ids);
        if (next is not null) response.ContinuationToken = next;
        return response;
    }

    private async Task<GetInstanceHistoryResponse> HistoryAsync(GetInstanceHistoryRequest request, ServerCallContext call)
    {
        var instanceId = Required(request.InstanceId);
        if (await Guard(() => _engine.GetRecordAsync(instanceId, call.CancellationToken)) is null)
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"no such instance exists: '{instanceId}'"));
        }

        var response = new GetInstanceHistoryResponse();
        response.Events.AddRange(await Guard(() => _engine.HistoryAsync(instanceId, call.CancellationToken)));
        return response;
    }

    private static string Required(string instanceId) =>
        string.IsNullOrEmpty(instanceId) ? throw new RpcException(new Status(StatusCode.InvalidArgument, "instance id is required")) : instanceId;

    private static async Task Guard(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (WorkflowManagementException error)
        {
            throw ToRpc(error);
        }
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (WorkflowManagementException error)
        {
            throw ToRpc(error);
        }
    }

    private static RpcException ToRpc(WorkflowManagementException error) => new(new Status(error.Error switch
    {
        WorkflowManagementError.InstanceNotFound => StatusCode.NotFound,
        WorkflowManagementError.InstanceAlreadyExists => StatusCode.AlreadyExists,
        WorkflowManagementError.InstanceNotFinished => StatusCode.FailedPrecondition,
        _ => StatusCode.FailedPrecondition,
    }, error.Message));
}
