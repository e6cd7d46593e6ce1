using Dapr.Actors;

namespace FinFlow.Sidecar.ActorApp.Contracts;

/// <summary>
/// The remoting contract of <c>CounterActor</c>. The test project compiles this same file, so ActorProxy's
/// remoting ids match on both sides, as they do between two services sharing a contracts assembly.
/// </summary>
public interface ICounterActor : IActor
{
    Task<int> IncrementAsync(int by);

    Task<int> GetCountAsync();

    /// <summary>Records entering and leaving (for the turn-based concurrency test) around a pause.</summary>
    Task<string> SlowAsync(int milliseconds);

    Task ScheduleReminderAsync(ScheduleRequest request);

    Task ScheduleTimerAsync(ScheduleRequest request);

    Task FailAsync(string message);

    /// <summary>Calls itself again through a proxy carrying the reentrancy id: only works when the type is reentrant.</summary>
    Task<int> CallSelfAsync(int depth);
}
