namespace FinFlow.Sidecar.Actors;

/// <summary>The settings one actor type runs with: the app-wide values of /dapr/config, overridden by its entitiesConfig entry.</summary>
public sealed record ActorTypeSettings
{
    /// <summary>daprd's defaults (actors/hostconfig): 60 min idle, 30 s scan, 60 s drain, stack depth 32.</summary>
    public static ActorTypeSettings Default { get; } = new();

    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(60);

    public TimeSpan ScanInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan DrainOngoingCallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public bool DrainRebalancedActors { get; init; } = true;

    public bool ReentrancyEnabled { get; init; }

    public int MaxStackDepth { get; init; } = 32;
}
