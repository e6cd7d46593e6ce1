namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The actors active in this sidecar. Every call, timer and reminder runs as a turn through
/// <see cref="RunTurnAsync{T}"/>, which activates the actor if needed and queues on its turn lock. Idle
/// actors are taken out atomically with a marker, so a call arriving during their deactivation waits for
/// the app to finish <c>OnDeactivateAsync</c> before it activates the id again.
/// </summary>
public sealed class ActorTable(ActorHosting hosting, ActorMetrics metrics)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Type, string Id), ActiveActor> _actors = [];
    private readonly Dictionary<(string Type, string Id), Task> _deactivating = [];

    public int Count
    {
        get
        {
            lock (_gate) return _actors.Count;
        }
    }

    /// <summary>Active actors by type (what daprd reports as <c>actorRuntime.activeActors</c> in its metadata).</summary>
    public IReadOnlyDictionary<string, int> ActiveByType()
    {
        lock (_gate) return _actors.Values.GroupBy(a => a.ActorType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Calls running or waiting for a turn, by actor type (the pending-calls gauge).</summary>
    public IReadOnlyDictionary<string, long> PendingByType()
    {
        lock (_gate)
        {
            return _actors.Values.GroupBy(a => a.ActorType, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (long)g.Sum(a => a.Lock.Pending), StringComparer.Ordinal);
        }
    }

    public bool IsActive(string actorType, string actorId)
    {
        lock (_gate) return _actors.ContainsKey((actorType, actorId));
    }

    public async Task<T> RunTurnAsync<T>(
        string actorType, string actorId, string? reentrancyId, Func<ActiveActor, CancellationToken, Task<T>> turn, CancellationToken ct)
    {
        var actor = Acquire(actorType, actorId);
        try
        {
            await actor.PreviousDeactivation.WaitAsync(ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            ct.ThrowIfCancellationRequested();
            using var _ = await actor.Lock.EnterAsync(reentrancyId, ct);
            actor.Touch();
            return await turn(actor, ct);
        }
        finally
        {
            actor.RemoveUser();
        }
    }

    /// <summary>The current activation of an actor, created when there is none, without taking its turn.</summary>
    public ActiveActor GetOrActivate(string actorType, string actorId)
    {
        var actor = Acquire(actorType, actorId);
        actor.RemoveUser();
        return actor;
    }

    /// <summary>Removes the actors idle for longer than their type's timeout; the caller deactivates them in the app and then calls <see cref="Deactivated"/>.</summary>
    public IReadOnlyList<(ActiveActor Actor, TaskCompletionSource Done)> TakeIdle() => Take(all: false);

    /// <summary>Every actor not in a call, regardless of idle time: the sidecar is shutting down (daprd halts its actors).</summary>
    public IReadOnlyList<(ActiveActor Actor, TaskCompletionSource Done)> TakeAll() => Take(all: true);

    private List<(ActiveActor Actor, TaskCompletionSource Done)> Take(bool all)
    {
        var taken = new List<(ActiveActor, TaskCompletionSource)>();
        lock (_gate)
        {
            foreach (var (key, actor) in _actors)
            {
                if (actor.Users > 0 || (!all && actor.IdleFor < actor.Settings.IdleTimeout)) continue;
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _deactivating[key] = done.Task;
                taken.Add((actor, done));
            }

            foreach (var (actor, _) in taken) _actors.Remove((actor.ActorType, actor.ActorId));
        }

        foreach (var (actor, _) in taken) actor.End();
        return taken;
    }

    public void Deactivated(ActiveActor actor, TaskCompletionSource done)
    {
        lock (_gate)
        {
            var key = (actor.ActorType, actor.ActorId);
            if (_deactivating.TryGetValue(key, out var task) && task == done.Task) _deactivating.Remove(key);
        }

        done.TrySetResult();
        actor.Dispose();
        metrics.Deactivated(actor.ActorType);
    }

    private ActiveActor Acquire(string actorType, string actorId)
    {
        lock (_gate)
        {
            var key = (actorType, actorId);
            if (!_actors.TryGetValue(key, out var actor))
            {
                actor = new ActiveActor(actorType, actorId, hosting.Config.For(actorType), _deactivating.GetValueOrDefault(key) ?? Task.CompletedTask);
                _actors[key] = actor;
                metrics.Activated(actorType);
            }

            actor.AddUser();
            return actor;
        }
    }
}
