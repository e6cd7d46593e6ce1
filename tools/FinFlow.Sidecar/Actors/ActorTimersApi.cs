namespace FinFlow.Sidecar.Actors;

/// <summary>
/// Timer registration with daprd's checks: the type must be hosted here, and dueTime/period/ttl must parse;
/// either failure is 500 ERR_ACTOR_TIMER_CREATE. Deleting an unknown timer is not an error.
/// </summary>
public sealed class ActorTimersApi(ActorHosting hosting, ActorTimers timers)
{
    public async Task CreateAsync(
        string actorType, string actorId, string name, string? callback, byte[]? data, string? dueTime, string? period, string? ttl, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(name)) throw ActorErrors.BadRequest("invalid request: timer name cannot be empty");
        ActorErrors.ValidateName(name);
        if (hosting.StateStore is null) throw ActorErrors.RuntimeNotFound();
        if (!await hosting.IsHostedAsync(actorType, ct))
        {
            throw ActorErrors.TimerCreate($"can't create timer for actor {actorType}||{actorId}: actor type not registered");
        }

        TimerSchedule schedule;
        try
        {
            schedule = TimerSchedule.Parse(dueTime, period, ttl, DateTimeOffset.UtcNow);
        }
        catch (FormatException error)
        {
            throw ActorErrors.TimerCreate(error.Message);
        }

        timers.Create(new ActorTimer(actorType, actorId, name, callback, data, dueTime ?? "", period ?? "", schedule));
    }

    public void Delete(string actorType, string actorId, string name) => timers.Delete(actorType, actorId, name);
}
