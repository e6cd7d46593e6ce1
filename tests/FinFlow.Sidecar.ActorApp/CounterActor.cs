using System.Text;
using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Actors.Runtime;
using FinFlow.Sidecar.ActorApp.Contracts;

namespace FinFlow.Sidecar.ActorApp;

/// <summary>An actor written the ordinary SDK way: state manager, reminders, timers, lifecycle hooks.</summary>
[Actor(TypeName = "CounterActor")]
public class CounterActor(ActorHost host, EventLog log) : Actor(host), ICounterActor, IRemindable
{
    private const string CountKey = "count";

    protected virtual string TypeName => "CounterActor";

    public async Task<int> IncrementAsync(int by)
    {
        var count = await StateManager.GetOrAddStateAsync(CountKey, 0) + by;
        await StateManager.SetStateAsync(CountKey, count);
        return count;
    }

    public Task<int> GetCountAsync() => StateManager.GetOrAddStateAsync(CountKey, 0);

    public async Task<string> SlowAsync(int milliseconds)
    {
        log.Add(TypeName, Id.GetId(), "enter");
        await Task.Delay(milliseconds);
        log.Add(TypeName, Id.GetId(), "exit");
        return Id.GetId();
    }

    public Task ScheduleReminderAsync(ScheduleRequest request) =>
        request.Repetitions is { } repetitions
            ? RegisterReminderAsync(request.Name, Encoding.UTF8.GetBytes(request.Payload), TimeSpan.FromMilliseconds(request.DueMilliseconds),
                TimeSpan.FromMilliseconds(request.PeriodMilliseconds ?? 1000), repetitions)
            : RegisterReminderAsync(request.Name, Encoding.UTF8.GetBytes(request.Payload), TimeSpan.FromMilliseconds(request.DueMilliseconds),
                request.PeriodMilliseconds is { } period ? TimeSpan.FromMilliseconds(period) : Timeout.InfiniteTimeSpan);

    public Task ScheduleTimerAsync(ScheduleRequest request) =>
        RegisterTimerAsync(request.Name, nameof(OnTimerAsync), Encoding.UTF8.GetBytes(request.Payload), TimeSpan.FromMilliseconds(request.DueMilliseconds),
            request.PeriodMilliseconds is { } period ? TimeSpan.FromMilliseconds(period) : Timeout.InfiniteTimeSpan);

    public Task FailAsync(string message) => throw new InvalidOperationException(message);

    public async Task<int> CallSelfAsync(int depth)
    {
        if (depth <= 0) return 0;
        var self = ProxyFactory.CreateActorProxy<ICounterActor>(Id, TypeName);
        return await self.CallSelfAsync(depth - 1) + 1;
    }

    public async Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        log.Add(TypeName, Id.GetId(), "reminder", reminderName, Encoding.UTF8.GetString(state));
        // Proves state saved from a reminder turn reaches the store as well.
        await StateManager.SetStateAsync("last-reminder", reminderName);
    }

    public Task OnTimerAsync(byte[] data)
    {
        log.Add(TypeName, Id.GetId(), "timer", null, Encoding.UTF8.GetString(data));
        return Task.CompletedTask;
    }

    protected override Task OnActivateAsync()
    {
        log.Add(TypeName, Id.GetId(), "activated");
        return Task.CompletedTask;
    }

    protected override Task OnDeactivateAsync()
    {
        log.Add(TypeName, Id.GetId(), "deactivated");
        return Task.CompletedTask;
    }
}
