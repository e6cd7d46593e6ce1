using FinFlow.Sidecar.Workflow.Storage;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Workflow.Engine;

/// <summary>
/// Fires durable timers from <c>wf_timers</c>: sleeps until the earliest one is due (at most 30 s, or until a turn
/// adds a timer), then moves every due timer into its inbox in one statement. Timers due while the sidecar was down fire at start.
/// </summary>
public sealed class TimerPump(WorkflowStore store, TurnScheduler scheduler, WorkflowMetrics metrics, ILogger logger) : IDisposable
{
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _wake = new(0);

    public void Wake()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var sleep = MaxSleep;
            try
            {
                foreach (var instanceId in (await store.FireDueTimersAsync(DateTime.UtcNow, ct)).Distinct(StringComparer.Ordinal))
                {
                    scheduler.Schedule(instanceId);
                }

                var (next, count) = await store.NextTimerAsync(ct);
                metrics.PendingTimers(count);
                if (next is { } due)
                {
                    var untilDue = due - DateTime.UtcNow;
                    sleep = untilDue < TimeSpan.Zero ? TimeSpan.Zero : untilDue < MaxSleep ? untilDue : MaxSleep;
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                logger.LogWarning(error, "Firing workflow timers failed; retrying");
                sleep = TimeSpan.FromSeconds(1);
            }

            try
            {
                await _wake.WaitAsync(sleep, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public void Dispose() => _wake.Dispose();
}
