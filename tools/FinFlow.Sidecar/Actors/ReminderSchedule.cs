namespace FinFlow.Sidecar.Actors;

/// <summary>
/// When a reminder fires, computed as daprd 1.18's scheduler does (actors/internal/scheduler and
/// go-etcd-cron): the first tick is <c>dueTime</c>, or one period after registration when only a period is
/// given; later ticks follow every <see cref="Interval"/>; <see cref="Remaining"/> counts all ticks (null =
/// unlimited); nothing fires after <see cref="ExpiresAt"/> (<c>ttl</c>, counted from the first tick).
/// </summary>
public sealed record ReminderSchedule(DateTimeOffset FirstDue, TimeSpan? Interval, int? Remaining, DateTimeOffset? ExpiresAt)
{
    /// <summary>Parses dueTime, period and ttl; the message of a <see cref="FormatException"/> is what daprd reports.</summary>
    public static ReminderSchedule Parse(string? dueTime, string? period, string? ttl, DateTimeOffset now)
    {
        TimeSpan? interval = null;
        int? repeats = null;
        if (!string.IsNullOrEmpty(period))
        {
            // The scheduler turns the period into "@every <duration>": calendar parts cannot be expressed there.
            if (!DaprTime.TryParseDuration(period, out var parsed) || parsed.HasCalendarPart || parsed.Time < TimeSpan.Zero)
            {
                throw new FormatException($"unsupported period format: {period}");
            }

            // R0 would make daprd's scheduler repeat forever; the pre-scheduler runtime refused it, and so does this one.
            if (parsed.Repetitions == 0) throw new FormatException($"invalid reminder period: has zero repetitions: {period}");
            if (parsed.Repetitions > 0) repeats = parsed.Repetitions;
            // A zero period (the SDK writes "0h0m0s0ms" for TimeSpan.Zero) means no repetition, not a busy loop.
            if (parsed.Time > TimeSpan.Zero) interval = parsed.Time;
        }

        var hasDue = !string.IsNullOrEmpty(dueTime);
        if (!hasDue && interval is null && repeats is null && string.IsNullOrEmpty(period))
        {
            throw new FormatException("job must have either a due time or a schedule");
        }

        DateTimeOffset first;
        if (hasDue)
        {
            if (!DaprTime.TryParsePointInTime(dueTime!, now, out first, out var error)) throw new FormatException(error);
        }
        else
        {
            first = now + (interval ?? TimeSpan.Zero);
        }

        DateTimeOffset? expires = null;
        if (!string.IsNullOrEmpty(ttl))
        {
            if (interval is null) throw new FormatException("job must have a schedule to have a ttl");
            if (!DaprTime.TryParsePointInTime(ttl, hasDue ? first : now, out var expiry, out _)) throw new FormatException("ttl format not recognized");
            if (hasDue && first > expiry) throw new FormatException("ttl must be greater than due time");
            expires = expiry;
        }

        if (interval is null) repeats = 1;
        return new ReminderSchedule(first, interval, repeats, expires);
    }

    /// <summary>
    /// The tick after <paramref name="fired"/>, or null when the reminder is finished. A sidecar that was down
    /// does not replay every missed tick: the next one is at least now (one catch-up fire, then the cadence).
    /// </summary>
    public static (DateTimeOffset Next, int? Remaining)? Following(
        DateTimeOffset fired, TimeSpan? interval, int? remaining, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var left = remaining is { } count ? count - 1 : (int?)null;
        if (left is 0 || interval is not { } step) return null;
        var next = fired + step;
        if (next < now) next = now;
        if (expiresAt is { } expiry && next > expiry) return null;
        return (next, left);
    }
}
