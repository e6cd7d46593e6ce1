using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Actor timers, in memory only as in daprd: each runs as a loop that fires through the actor's turn lock,
/// lives as long as the activation it was registered on (deactivation drops it) and is lost on restart.
/// Registering a name again replaces the timer.
/// </summary>
public sealed class ActorTimers(ActorTable table, ActorAppClient app, ActorMetrics metrics, ILogger<ActorTimers> logger)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Type, string Id, string Name), CancellationTokenSource> _running = [];

    /// <summary>Starts the timer on the actor's activation (activating it when needed, as daprd's GetOrCreate does).</summary>
    public void Create(ActorTimer timer)
    {
        // Not a turn: actors register timers from inside their own turn (OnActivateAsync, a method), which holds the lock.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(table.GetOrActivate(timer.ActorType, timer.ActorId).Lifetime);
        var key = (timer.ActorType, timer.ActorId, timer.Name);
        lock (_gate)
        {
            if (_running.Remove(key, out var previous)) Stop(previous, timer.ActorType);
            _running[key] = stop;
        }

        metrics.TimerCount(timer.ActorType, 1);
        _ = RunAsync(timer, key, stop);
    }

    public void Delete(string actorType, string actorId, string name)
    {
        lock (_gate)
        {
            if (_running.Remove((actorType, actorId, name), out var stop)) Stop(stop, actorType);
        }
    }

    private void Stop(CancellationTokenSource stop, string actorType)
    {
        stop.Cancel();
        metrics.TimerCount(actorType, -1);
    }

    private async Task RunAsync(ActorTimer timer, (string, string, string) key, CancellationTokenSource stop)
    {
        var due = (DateTimeOffset?)timer.Schedule.FirstDue;
        var left = timer.Schedule.Repetitions;
        try
        {
            while (due is { } at && !stop.IsCancellationRequested)
            {
                var wait = at - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, stop.Token);
                var cancel = await FireAsync(timer, stop.Token);
                if (left > 0) left--;
                due = cancel ? null : timer.Schedule.Following(at, left);
            }
        }
        catch (OperationCanceledException)
        {
            // Deleted, replaced, or the activation ended.
        }
        finally
        {
            lock (_gate)
            {
                if (_running.TryGetValue(key, out var current) && current == stop)
                {
                    _running.Remove(key);
                    metrics.TimerCount(timer.ActorType, -1);
                }
            }

            stop.Dispose();
        }
    }

    private async Task<bool> FireAsync(ActorTimer timer, CancellationToken ct)
    {
        try
        {
            var cancel = await table.RunTurnAsync(timer.ActorType, timer.ActorId, null, (_, token) => app.FireTimerAsync(timer, token), ct);
            metrics.TimerFired(timer.ActorType, true);
            return cancel;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // daprd logs a failed timer callback and keeps the timer.
            metrics.TimerFired(timer.ActorType, false);
            logger.LogError("Error executing timer {Name} for actor {Type}||{Id}: {Error}", timer.Name, timer.ActorType, timer.ActorId, error.Message);
            return false;
        }
    }
}
