using Npgsql;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// The reminder API (register, get, delete) over the durable <see cref="ReminderStore"/>, with daprd 1.18's
/// checks and codes: no database → ERR_ACTOR_RUNTIME_NOT_FOUND, a type this app does not host → 403
/// ERR_ACTOR_REMINDER_NON_HOSTED, a schedule the scheduler refuses → 500 ERR_ACTOR_REMINDER_CREATE,
/// an existing name with <c>overwrite: false</c> → 409 ERR_ACTOR_REMINDER_ALREADY_EXISTS.
/// </summary>
public sealed class ActorReminders(ActorHosting hosting) : IDisposable
{
    private readonly SemaphoreSlim _init = new(1, 1);
    private ReminderStore? _store;
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a reminder was registered or a fire finished: the scheduler re-reads its next wake time.</summary>
    public Task WakeSignal => Volatile.Read(ref _wake).Task;

    public void Wake() => Interlocked.Exchange(ref _wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task<ReminderStore> StoreAsync(CancellationToken ct)
    {
        if (_store is { } ready) return ready;
        var database = hosting.Database ?? throw ActorErrors.RuntimeNotFound();
        await _init.WaitAsync(ct);
        try
        {
            if (_store is null)
            {
                var store = new ReminderStore(database, hosting.AppId);
                await store.EnsureSchemaAsync(ct);
                _store = store;
            }

            return _store;
        }
        finally
        {
            _init.Release();
        }
    }

    public async Task CreateAsync(
        string actorType, string actorId, string name, byte[]? data, string? dueTime, string? period, string? ttl, bool overwrite, CancellationToken ct)
    {
        if (hosting.Database is null) throw ActorErrors.RuntimeNotFound();
        if (string.IsNullOrEmpty(name)) throw ActorErrors.BadRequest("invalid request: reminder name cannot be empty");
        ActorErrors.ValidateName(name);
        if (!await hosting.IsHostedAsync(actorType, ct)) throw ActorErrors.ReminderNotHosted();
        ReminderSchedule schedule;
        try
        {
            schedule = ReminderSchedule.Parse(dueTime, period, ttl, DateTimeOffset.UtcNow);
        }
        catch (FormatException error)
        {
            throw ActorErrors.ReminderCreate(error.Message, error);
        }

        var reminder = new StoredReminder(actorType, actorId, name, data, Empty(dueTime), Empty(period), Empty(ttl),
            schedule.Interval, schedule.Remaining, schedule.ExpiresAt, schedule.FirstDue, 0, Guid.NewGuid());
        bool saved;
        try
        {
            saved = await (await StoreAsync(ct)).SaveAsync(reminder, overwrite, ct);
        }
        catch (NpgsqlException error)
        {
            throw ActorErrors.ReminderCreate(error.Message, error);
        }

        if (!saved) throw ActorErrors.ReminderAlreadyExists(name);
        Wake();
    }

    public async Task<StoredReminder> GetAsync(string actorType, string actorId, string name, CancellationToken ct)
    {
        if (hosting.Database is null) throw ActorErrors.RuntimeNotFound();
        if (!await hosting.IsHostedAsync(actorType, ct)) throw ActorErrors.ReminderNotHosted();
        try
        {
            return await (await StoreAsync(ct)).GetAsync(actorType, actorId, name, ct) ?? throw ActorErrors.ReminderNotFound(name);
        }
        catch (NpgsqlException error)
        {
            throw ActorErrors.ReminderGet(error);
        }
    }

    public async Task DeleteAsync(string actorType, string actorId, string name, CancellationToken ct)
    {
        if (hosting.Database is null) throw ActorErrors.RuntimeNotFound();
        if (!await hosting.IsHostedAsync(actorType, ct)) throw ActorErrors.ReminderNotHosted();
        try
        {
            await (await StoreAsync(ct)).DeleteAsync(actorType, actorId, name, ct);
        }
        catch (NpgsqlException error)
        {
            throw ActorErrors.ReminderDelete(error);
        }
    }

    /// <summary>ListActorReminders / UnregisterActorRemindersByType: every reminder of a type, or of one actor of it.</summary>
    public async Task<IReadOnlyList<StoredReminder>> ListAsync(string actorType, string? actorId, CancellationToken ct)
    {
        if (hosting.Database is null) throw ActorErrors.RuntimeNotFound();
        if (!await hosting.IsHostedAsync(actorType, ct)) throw ActorErrors.ReminderNotHosted();
        return await (await StoreAsync(ct)).ListAsync(actorType, actorId, ct);
    }

    public async Task DeleteAllAsync(string actorType, string? actorId, CancellationToken ct)
    {
        if (hosting.Database is null) throw ActorErrors.RuntimeNotFound();
        if (!await hosting.IsHostedAsync(actorType, ct)) throw ActorErrors.ReminderNotHosted();
        try
        {
            await (await StoreAsync(ct)).DeleteAllAsync(actorType, actorId, ct);
        }
        catch (NpgsqlException error)
        {
            throw ActorErrors.ReminderDelete(error);
        }
    }

    public void Dispose() => _init.Dispose();

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
