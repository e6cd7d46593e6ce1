namespace FinFlow.Sidecar.Actors;

/// <summary>A registered timer: the request as given (dueTime and period are echoed to the app) and its parsed schedule.</summary>
public sealed record ActorTimer(
    string ActorType, string ActorId, string Name, string? Callback, byte[]? Data, string DueTime, string Period, TimerSchedule Schedule);
