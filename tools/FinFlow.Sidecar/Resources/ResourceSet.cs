namespace FinFlow.Sidecar.Resources;

/// <summary>Everything loaded from the resources paths and the configuration file, already filtered by scopes.</summary>
public sealed record ResourceSet
{
    public IReadOnlyList<ComponentDefinition> Components { get; init; } = [];

    public IReadOnlyList<SubscriptionDefinition> Subscriptions { get; init; } = [];

    public IReadOnlyList<ResiliencyDefinition> Resiliencies { get; init; } = [];

    public ConfigurationDefinition Configuration { get; init; } = new();
}
