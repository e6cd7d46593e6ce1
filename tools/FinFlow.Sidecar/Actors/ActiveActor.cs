using System.Diagnostics;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// One activation of an actor in this sidecar's table: its turn lock, when it was last used, and a lifetime
/// token its timers hang on, cancelled when the actor is deactivated (timers do not outlive an activation).
/// </summary>
public sealed class ActiveActor : IDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private long _lastUsed = Stopwatch.GetTimestamp();
    private int _users;

    public ActiveActor(string actorType, string actorId, ActorTypeSettings settings, Task previousDeactivation)
    {
        ActorType = actorType;
        ActorId = actorId;
        Settings = settings;
        PreviousDeactivation = previousDeactivation;
        Lock = new ActorTurnLock(settings.ReentrancyEnabled, settings.MaxStackDepth);
        // Captured once: a token stays readable (and cancelled) after the activation ended and its source was disposed.
        Lifetime = _lifetime.Token;
    }

    public string ActorType { get; }

    public string ActorId { get; }

    public ActorTypeSettings Settings { get; }

    public ActorTurnLock Lock { get; }

    /// <summary>Completes when the app has finished deactivating the previous activation of the same id.</summary>
    public Task PreviousDeactivation { get; }

    public CancellationToken Lifetime { get; }

    /// <summary>Calls that hold this activation (running or queued); an actor in use is never deactivated.</summary>
    public int Users => Volatile.Read(ref _users);

    public TimeSpan IdleFor => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    internal void AddUser() => Interlocked.Increment(ref _users);

    internal void RemoveUser()
    {
        Touch();
        Interlocked.Decrement(ref _users);
    }

    public void Touch() => Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());

    internal void End() => _lifetime.Cancel();

    public void Dispose() => _lifetime.Dispose();
}
