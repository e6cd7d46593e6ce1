namespace FinFlow.Sidecar.ActorApp.Contracts;

/// <summary>
/// Something an actor did (activated, enter, exit, reminder, timer, deactivated), with a timestamp in
/// Stopwatch ticks of the app process so the tests can compare order and overlap.
/// </summary>
public sealed record ActorEvent(string ActorType, string ActorId, string Kind, string? Name, string? Payload, long At);
