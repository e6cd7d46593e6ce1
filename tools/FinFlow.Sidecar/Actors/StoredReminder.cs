namespace FinFlow.Sidecar.Actors;

/// <summary>
/// A durable reminder row: the request as given (reported back by GET), the schedule state (next tick,
/// ticks left, expiry) and <see cref="Generation"/>, which changes when the reminder is registered again so a
/// fire that was in flight cannot overwrite the new registration.
/// </summary>
public sealed record StoredReminder(
    string ActorType,
    string ActorId,
    string Name,
    byte[]? Data,
    string? DueTime,
    string? Period,
    string? Ttl,
    TimeSpan? Interval,
    int? Remaining,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset NextDue,
    int FailedAttempts,
    Guid Generation);
