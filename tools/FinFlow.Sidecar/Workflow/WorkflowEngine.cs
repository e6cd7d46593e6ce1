using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Components.PostgresState;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Workflow.Engine;
using FinFlow.Sidecar.Workflow.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Workflow;

/// <summary>
/// The durable-task engine behind TaskHubSidecarService and the management APIs. State lives in the actor state
/// store's PostgreSQL database (see <see cref="WorkflowSchema"/>); one sidecar process runs every turn of its app id.
/// </summary>
public sealed partial class WorkflowEngine : IWorkflowManagement
{
    private readonly WorkflowStore? _store;
    private readonly WorkItemHub _hub;
    private readonly TurnScheduler _scheduler;
    private readonly InstanceSignals _signals = new();
    private readonly WorkflowMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkflowEngine(
        ComponentCatalog catalog,
        SidecarOptions options,
        WorkItemHub hub,
        TurnScheduler scheduler,
        WorkflowMetrics metrics,
        IHostApplicationLifetime lifetime,
        ILogger<WorkflowEngine> logger)
    {
        // Worker streams end as soon as shutdown begins; otherwise Kestrel would wait its whole drain timeout for them.
        lifetime.ApplicationStopping.Register(_stopping.Cancel);
        _hub = hub;
        _scheduler = scheduler;
        _metrics = metrics;
        _logger = logger;
        if (catalog.ActorStateStore?.Instance is PostgresStateStore postgres) _store = new WorkflowStore(postgres.DataSource, options.AppId);
        UnavailableReason = _store is not null ? ""
            : catalog.ActorStateStore is null ? "no state store has actorStateStore: \"true\""
            : $"the actor state store {catalog.ActorStateStore.Definition.Name} is not state.postgresql";
        _processor = _store is null ? null : new TurnProcessor(_store, AskWorkerAsync);
        scheduler.RunTurn = RunTurnAsync;
    }

    public bool IsAvailable => _store is not null;

    public string UnavailableReason { get; }

    public async Task<string> StartAsync(WorkflowStartRequest request, CancellationToken ct)
    {
        var store = await StoreAsync(ct);
        var instanceId = string.IsNullOrEmpty(request.InstanceId) ? Guid.NewGuid().ToString() : request.InstanceId;
        var now = DateTime.UtcNow;
        var executionId = WorkflowEvents.NewExecutionId();
        var startAt = request.StartAt?.UtcDateTime;
        var record = new WorkflowInstanceRecord(
            instanceId, request.Name, executionId, OrchestrationStatus.Pending, request.Input, null, null, null, null, now, now, null, startAt);
        var start = WorkflowEvents.ExecutionStarted(instanceId, executionId, request.Name, request.Input, null, startAt, now);
        if (!await store.CreateAsync(record, start, ct))
        {
            throw new WorkflowManagementException(WorkflowManagementError.InstanceAlreadyExists, $"an active workflow with ID '{instanceId}' already exists");
        }

        if (startAt > now) _timers?.Wake();
        else _scheduler.Schedule(instanceId);
        _signals.Changed(instanceId);
        return instanceId;
    }

    public async Task<WorkflowInstanceView?> GetAsync(string instanceId, CancellationToken ct) =>
        await GetRecordAsync(instanceId, ct) is { } record ? WorkflowStateMapper.ToView(record) : null;

    public Task TerminateAsync(string instanceId, string? output, bool recursive, CancellationToken ct) =>
        SendAsync(instanceId, new HistoryEvent { ExecutionTerminated = new ExecutionTerminatedEvent { Input = output, Recurse = recursive } }, ct);

    public Task RaiseEventAsync(string instanceId, string eventName, string? payload, CancellationToken ct) =>
        SendAsync(instanceId, new HistoryEvent { EventRaised = new EventRaisedEvent { Name = eventName, Input = payload } }, ct);

    public Task SuspendAsync(string instanceId, string? reason, CancellationToken ct) =>
        SendAsync(instanceId, new HistoryEvent { ExecutionSuspended = new ExecutionSuspendedEvent { Input = reason } }, ct);

    public Task ResumeAsync(string instanceId, string? reason, CancellationToken ct) =>
        SendAsync(instanceId, new HistoryEvent { ExecutionResumed = new ExecutionResumedEvent { Input = reason } }, ct);

    public async Task<int> PurgeAsync(string instanceId, bool recursive, CancellationToken ct)
    {
        var store = await StoreAsync(ct);
        var tree = await store.TreeAsync(instanceId, ct);
        if (tree.Count == 0) throw new WorkflowManagementException(WorkflowManagementError.InstanceNotFound, $"no such instance exists: '{instanceId}'");
        var targets = recursive ? tree : tree.Where(i => i.InstanceId == instanceId).ToList();
        if (targets.FirstOrDefault(i => !i.IsFinished) is { } running)
        {
            throw new WorkflowManagementException(WorkflowManagementError.InstanceNotFinished,
                $"workflow instance '{running.InstanceId}' is {WorkflowStateMapper.StatusName(running.Status)}; only COMPLETED, FAILED or TERMINATED instances can be purged");
        }

        var deleted = await store.DeleteAsync([.. targets.Select(i => i.InstanceId)], ct);
        foreach (var target in targets) _signals.Changed(target.InstanceId);
        return deleted;
    }

    public async Task<WorkflowInstanceRecord?> GetRecordAsync(string instanceId, CancellationToken ct) =>
        await (await StoreAsync(ct)).GetAsync(instanceId, ct);

    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId, CancellationToken ct) =>
        await (await StoreAsync(ct)).HistoryAsync(instanceId, ct);

    public async Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListAsync(string? continuationToken, int pageSize, CancellationToken ct) =>
        await (await StoreAsync(ct)).ListAsync(continuationToken, pageSize, ct);

    /// <summary>Blocks until <paramref name="done"/> holds for the instance (or it does not exist); re-reads on every commit and every second.</summary>
    public async Task<WorkflowInstanceRecord?> WaitAsync(string instanceId, Func<WorkflowInstanceRecord, bool> done, CancellationToken ct)
    {
        while (true)
        {
            var change = _signals.NextChange(instanceId);
            var record = await GetRecordAsync(instanceId, ct);
            if (record is null || done(record)) return record;
            await Task.WhenAny(change, Task.Delay(TimeSpan.FromSeconds(1), ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    private async Task SendAsync(string instanceId, HistoryEvent message, CancellationToken ct)
    {
        var store = await StoreAsync(ct);
        if (!await store.EnqueueAsync(instanceId, WorkflowEvents.Stamp(message, DateTime.UtcNow), ct))
        {
            throw new WorkflowManagementException(WorkflowManagementError.InstanceNotFound, $"no such instance exists: '{instanceId}'");
        }

        _scheduler.Schedule(instanceId);
    }

    private async Task<WorkflowStore> StoreAsync(CancellationToken ct)
    {
        if (_store is null)
        {
            throw new WorkflowManagementException(WorkflowManagementError.EngineUnavailable,
                $"the workflow engine is not available: {UnavailableReason}");
        }

        await _ready.Task.WaitAsync(ct);
        return _store;
    }
}
