namespace FinFlow.Sidecar.Resources;

/// <summary>A declarative <c>kind: Subscription</c> (v2alpha1, or v1alpha1 whose <c>spec.route</c> becomes the default route).</summary>
public sealed record SubscriptionDefinition
{
    public required string Name { get; init; }

    public required string PubsubName { get; init; }

    public required string Topic { get; init; }

    public IReadOnlyList<SubscriptionRule> Rules { get; init; } = [];

    public string? DefaultRoute { get; init; }

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? DeadLetterTopic { get; init; }

    public BulkSubscribeOptions? BulkSubscribe { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public required string ApiVersion { get; init; }

    public required string File { get; init; }
}
