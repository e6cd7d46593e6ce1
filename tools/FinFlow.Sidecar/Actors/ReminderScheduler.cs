using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Fires due reminders: claims rows under a lease (so one reminder never fires twice at once, across
/// restarts too), delivers <c>PUT actors/{type}/{id}/method/remind/{name}</c> as a turn of the actor
/// (activating it if it was deactivated), then moves the row to its next tick or deletes it. A failed
/// delivery is retried 3 times, 1 s apart (the scheduler's default failure policy), then the tick is skipped.
/// </summary>
public sealed class ReminderScheduler(
    ActorHosting hosting, ActorReminders reminders, ActorTable table, ActorAppClient app, ActorMetrics metrics, ILogger<ReminderScheduler> logger)
    : BackgroundService
{
    private const int Batch = 32;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<(string, string, string), byte> _inFlight = new();
    private volatile IReadOnlyDictionary<string, long> _pending = new Dictionary<string, long>();

    public IReadOnlyDictionary<string, long> Pending => _pending;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var config = await hosting.Loaded.WaitAsync(stoppingToken);
        if (config.Types.Count == 0 || hosting.Database is null || hosting.StateStore is null) return;
        string[] types = [.. config.Types];
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var store = await reminders.StoreAsync(stoppingToken);
                var wake = reminders.WakeSignal;
                var claimed = await store.ClaimDueAsync(types, Batch, Lease, stoppingToken);
                foreach (var reminder in claimed)
                {
                    if (_inFlight.TryAdd((reminder.ActorType, reminder.ActorId, reminder.Name), 0)) _ = FireAsync(store, reminder, stoppingToken);
                }

                _pending = await store.CountByTypeAsync(stoppingToken);
                if (claimed.Count == Batch) continue;
                var next = await store.NextWakeAsync(types, stoppingToken);
                var sleep = next is { } at ? at - DateTimeOffset.UtcNow : MaxSleep;
                if (sleep > MaxSleep) sleep = MaxSleep;
                if (sleep > TimeSpan.Zero) await Task.WhenAny(Task.Delay(sleep, stoppingToken), wake);
                else await Task.Delay(TimeSpan.FromMilliseconds(10), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // A failing database must not stop the sidecar (an escaping exception would stop the host).
                logger.LogWarning("Reminder scheduling failed, retrying in 1 s: {Error}", error.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task FireAsync(ReminderStore store, StoredReminder reminder, CancellationToken stoppingToken)
    {
        var lag = (DateTimeOffset.UtcNow - reminder.NextDue).TotalMilliseconds;
        try
        {
            var cancel = await table.RunTurnAsync(reminder.ActorType, reminder.ActorId, null,
                (_, ct) => app.RemindAsync(reminder.ActorType, reminder.ActorId, reminder.Name, reminder.Data, ct), stoppingToken);
            metrics.ReminderFired(reminder.ActorType, true, lag);
            var next = cancel ? null : ReminderSchedule.Following(reminder.NextDue, reminder.Interval, reminder.Remaining, reminder.ExpiresAt, DateTimeOffset.UtcNow);
            await store.AdvanceAsync(reminder, next, stoppingToken);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
        {
            metrics.ReminderFired(reminder.ActorType, false, lag);
            var attempts = reminder.FailedAttempts + 1;
            logger.LogError("Error executing reminder {Name} for actor {Type}||{Id} (attempt {Attempt}): {Error}",
                reminder.Name, reminder.ActorType, reminder.ActorId, attempts, error.Message);
            await ((attempts <= 3)
                ? store.RetryLaterAsync(reminder, attempts, TimeSpan.FromSeconds(1), stoppingToken)
                : store.AdvanceAsync(reminder, ReminderSchedule.Following(reminder.NextDue, reminder.Interval, reminder.Remaining, reminder.ExpiresAt,
                    DateTimeOffset.UtcNow), stoppingToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception error)
        {
            // Stopping, or the database is unreachable: the lease runs out (or is released on the next start) and the tick fires again.
            logger.LogWarning("Reminder {Name} of {Type}||{Id} left for a later fire: {Error}", reminder.Name, reminder.ActorType, reminder.ActorId, error.Message);
        }
        finally
        {
            _inFlight.TryRemove((reminder.ActorType, reminder.ActorId, reminder.Name), out _);
            reminders.Wake();
        }
    }
}
