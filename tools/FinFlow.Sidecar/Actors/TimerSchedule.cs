namespace FinFlow.Sidecar.Actors;

/// <summary>
/// An actor timer's ticks, as daprd's in-memory timers compute them (actors/api setReminderTimes and
/// ReminderPeriod): first tick at dueTime (now when empty), then every period (calendar parts allowed),
/// <c>R&lt;n&gt;/</c> limits the count, and no tick after the ttl.
/// </summary>
public sealed record TimerSchedule(DateTimeOffset FirstDue, IsoDuration? Period, int Repetitions, DateTimeOffset? ExpiresAt)
{
    public static TimerSchedule Parse(string? dueTime, string? period, string? ttl, DateTimeOffset now)
    {
        var first = now;
        if (!string.IsNullOrEmpty(dueTime) && !DaprTime.TryParseTime(dueTime, now, out first, out var dueError))
        {
            throw new FormatException($"error parsing timer due time: {dueError}");
        }

        IsoDuration? parsed = null;
        var repetitions = -1;
        if (!string.IsNullOrEmpty(period))
        {
            if (!DaprTime.TryParseDuration(period, out var value)) throw new FormatException($"invalid timer period: parse error: unsupported duration format: {period}");
            if (value.Repetitions == 0) throw new FormatException("invalid timer period: has zero repetitions");
            repetitions = value.Repetitions;
            parsed = value;
        }

        DateTimeOffset? expires = null;
        if (!string.IsNullOrEmpty(ttl))
        {
            if (!DaprTime.TryParseTime(ttl, first, out var expiry, out var ttlError)) throw new FormatException($"error parsing timer TTL: {ttlError}");
            if (now > expiry || first > expiry) throw new FormatException($"timer has already expired: dueTime: {first:O} TTL: {ttl}");
            expires = expiry;
        }

        return new TimerSchedule(first, parsed, repetitions, expires);
    }

    /// <summary>The tick after <paramref name="fired"/> given the repetitions left after it, or null when done.</summary>
    public DateTimeOffset? Following(DateTimeOffset fired, int repetitionsLeft)
    {
        if (repetitionsLeft == 0 || Period is not { IsZero: false } period) return null;
        var next = period.AddTo(fired);
        return ExpiresAt is { } expiry && next > expiry ? null : next;
    }
}
