using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.PubSub;

/// <summary>One subscription as the sidecar runs it, from a Subscription file or from the app's <c>/dapr/subscribe</c>.</summary>
public sealed record TopicSubscription
{
    public required string PubsubName { get; init; }

    public required string Topic { get; init; }

    /// <summary>The path used when no rule applies (<c>routes.default</c>, or v1 <c>route</c>); may lack its leading slash.</summary>
    public string? DefaultPath { get; init; }

    public IReadOnlyList<SubscriptionRule> Rules { get; init; } = [];

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public string? DeadLetterTopic { get; init; }

    public BulkSubscribeOptions? BulkSubscribe { get; init; }

    public PubsubSubscriptionType Type { get; init; } = PubsubSubscriptionType.Programmatic;

    public bool RawPayload => Metadata.TryGetValue("rawPayload", out var value) && bool.TryParse(value, out var raw) && raw;

    /// <summary>Where a message goes: with CEL refused, the first rule without a match, else the default route.</summary>
    public string? Path
    {
        get
        {
            var path = Rules.FirstOrDefault(r => r.Match.Length == 0)?.Path ?? DefaultPath;
            return string.IsNullOrEmpty(path) ? null : path.StartsWith('/') ? path : "/" + path;
        }
    }

    public static TopicSubscription FromDeclarative(SubscriptionDefinition definition) => new()
    {
        PubsubName = definition.PubsubName,
        Topic = definition.Topic,
        DefaultPath = definition.DefaultRoute,
        Rules = definition.Rules,
        Metadata = definition.Metadata,
        DeadLetterTopic = string.IsNullOrEmpty(definition.DeadLetterTopic) ? null : definition.DeadLetterTopic,
        BulkSubscribe = definition.BulkSubscribe,
        Type = PubsubSubscriptionType.Declarative,
    };
}
