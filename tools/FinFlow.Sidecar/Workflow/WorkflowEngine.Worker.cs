using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Dapr.DurableTask.Protobuf;
using FinFlow.Sidecar.Workflow.Engine;
using FinFlow.Sidecar.Workflow.Storage;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Workflow;

/// <summary>The worker-facing half: start-up recovery, turns sent to the app, activity dispatch and results.</summary>
public sealed partial class WorkflowEngine : IHostedService, IDisposable
{
    private readonly TurnProcessor? _processor;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<WorkflowResponse>> _turns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Started, string Name)> _liveActivities = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private TimerPump? _timers;
    private Task _timerLoop = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _scheduler.Stopping = _stopping.Token;
        if (_store is null)
        {
            _logger.LogInformation("Workflows are disabled: {Reason}", UnavailableReason);
            return Task.CompletedTask;
        }

        // In the background, so a slow or briefly unreachable database delays workflows, not the sidecar's other APIs.
        _timerLoop = Task.Run(() => InitializeAndRunTimersAsync(_store, _stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    private async Task InitializeAndRunTimersAsync(WorkflowStore store, CancellationToken ct)
    {
        try
        {
            await RetryAsync(async () => { await WorkflowSchema.EnsureAsync(store.DataSource, ct); return 0; }, "Creating the workflow tables", ct);
            _timers = new TimerPump(store, _scheduler, _metrics, _logger);
            _ready.TrySetResult();

            // Resume where the last process stopped: uncommitted activities go out again, pending inboxes get a turn.
            var activities = await RetryAsync(() => store.PendingActivitiesAsync(ct), "Reading pending activities", ct);
            foreach (var activity in activities) DispatchActivity(activity);
            var instances = await RetryAsync(() => store.InstancesWithInboxAsync(ct), "Reading pending instances", ct);
            foreach (var instanceId in instances) _scheduler.Schedule(instanceId);
            _logger.LogInformation("Workflow engine ready: {Activities} activities re-dispatched, {Instances} instances with pending events",
                activities.Count, instances.Count);
            await _timers.RunAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The sidecar stopped before the engine was up.
        }
    }

    private async Task<T> RetryAsync<T>(Func<Task<T>> step, string what, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return await step();
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                _logger.LogError(error, "{Step} failed; retrying in 2s", what);
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        foreach (var turn in _turns.Values) turn.TrySetCanceled(_stopping.Token);
        await _timerLoop;
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _timers?.Dispose();
    }

    public async Task ServeWorkItemsAsync(IServerStreamWriter<WorkItem> stream, CancellationToken ct)
    {
        await StoreAsync(ct);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _stopping.Token);
        await _hub.ServeAsync(stream, linked.Token);
    }

    /// <summary>The worker's answer to a turn; an answer to a turn that is no longer awaited (re-sent, sidecar restarted) is ignored.</summary>
    public void CompleteTurn(WorkflowResponse response)
    {
        _hub.Acknowledge(response.CompletionToken);
        if (_turns.TryRemove(response.CompletionToken, out var turn)) turn.TrySetResult(response);
    }

    /// <summary>Commits an activity's result once; the token names the execution and task, so it stays valid across sidecar restarts.</summary>
    public async Task CompleteActivityAsync(ActivityResponse response, CancellationToken ct)
    {
        var store = await StoreAsync(ct);
        var parts = response.CompletionToken.Split('|');
        if (parts.Length < 3 || parts[0] != "act") throw new RpcException(new Status(StatusCode.InvalidArgument, "unknown completion token"));
        var executionId = parts[1];
        var now = DateTime.UtcNow;
        var result = response.FailureDetails is { } failure
            ? new HistoryEvent { TaskFailed = new TaskFailedEvent { TaskScheduledId = response.TaskId, FailureDetails = failure } }
            : new HistoryEvent { TaskCompleted = new TaskCompletedEvent { TaskScheduledId = response.TaskId, Result = response.Result } };
        bool committed;
        try
        {
            committed = await store.CompleteActivityAsync(response.InstanceId, executionId, response.TaskId, WorkflowEvents.Stamp(result, now), ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // Not committed, and the worker will not send it again: run the activity again rather than wait for a restart.
            _hub.Requeue(response.CompletionToken);
            throw;
        }

        _hub.Acknowledge(response.CompletionToken);
        if (_liveActivities.TryRemove(ActivityKey(response.InstanceId, executionId, response.TaskId), out var live) && committed)
        {
            _metrics.ActivityFinished(live.Name, response.FailureDetails is null ? "success" : "failed", Stopwatch.GetElapsedTime(live.Started).TotalMilliseconds);
        }

        if (committed) _scheduler.Schedule(response.InstanceId);
    }

    private async Task<bool> RunTurnAsync(string instanceId, CancellationToken ct)
    {
        bool more;
        TurnCommit? commit;
        try
        {
            (commit, more) = await _processor!.RunAsync(instanceId, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            _metrics.TurnFinished("failed");
            throw;
        }

        if (commit is null) return more;
        _metrics.TurnFinished(commit.After.IsFinished ? WorkflowStateMapper.StatusName(commit.After.Status).ToLowerInvariant() : "success");
        foreach (var activity in commit.Activities) DispatchActivity(activity);
        if (commit.DropOpenWork) ForgetActivities(instanceId);
        if (commit.Timers.Count > 0 || commit.DropOpenWork) _timers?.Wake();
        foreach (var touched in commit.TouchedInstances) _scheduler.Schedule(touched);
        _signals.Changed(instanceId);
        return more;
    }

    private async Task<WorkflowResponse> AskWorkerAsync(WorkflowRequest request, CancellationToken ct)
    {
        var token = "wf|" + Guid.NewGuid().ToString("N");
        var answer = new TaskCompletionSource<WorkflowResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        _turns[token] = answer;
        try
        {
            _hub.Enqueue(new WorkDispatch(new WorkItem { WorkflowRequest = request, CompletionToken = token }, () => !answer.Task.IsCompleted));
            return await answer.Task.WaitAsync(ct);
        }
        finally
        {
            _turns.TryRemove(token, out _);
            _hub.Acknowledge(token);
        }
    }

    private void DispatchActivity(ActivityRequest activity)
    {
        var instanceId = activity.WorkflowInstance.InstanceId;
        var executionId = activity.WorkflowInstance.ExecutionId;
        var key = ActivityKey(instanceId, executionId, activity.TaskId);
        _liveActivities[key] = (Stopwatch.GetTimestamp(), activity.Name);
        var token = string.Create(CultureInfo.InvariantCulture, $"act|{executionId}|{activity.TaskId}|{Guid.NewGuid():N}");
        _hub.Enqueue(new WorkDispatch(new WorkItem { ActivityRequest = activity, CompletionToken = token }, () => _liveActivities.ContainsKey(key)));
    }

    private void ForgetActivities(string instanceId)
    {
        var prefix = instanceId + "\n";
        foreach (var key in _liveActivities.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal))) _liveActivities.TryRemove(key, out _);
    }

    private static string ActivityKey(string instanceId, string executionId, int taskId) =>
        string.Create(CultureInfo.InvariantCulture, $"{instanceId}\n{executionId}\n{taskId}");
}
