using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Metadata;
using FinFlow.Sidecar.Observability;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// Starts every subscription once the app channel is ready: declarative files first, then what the app
/// answers on <c>/dapr/subscribe</c>. What cannot be honoured faithfully (CEL rules, bulk subscribe, unknown
/// pub/subs, topics outside <c>subscriptionScopes</c>) is refused with an error naming it, never half-served.
/// </summary>
public sealed class SubscriptionManager(
    SidecarRuntime runtime,
    AppChannel channel,
    SubscriptionDiscovery discovery,
    AppPostman postman,
    PubSubApi api,
    ApiMetrics metrics,
    ILoggerFactory loggers) : BackgroundService, ISubscriptionSource
{
    private readonly ILogger _logger = loggers.CreateLogger<SubscriptionManager>();
    private readonly Lock _lock = new();
    private readonly List<TopicSubscription> _active = [];

    /// <summary>
    /// As daprd lists them: declarative subscriptions from the moment they are loaded (with or without an
    /// app), programmatic ones once they run.
    /// </summary>
    public IReadOnlyList<PubsubSubscription> Subscriptions
    {
        get
        {
            var declarative = runtime.Resources.Subscriptions.Select(TopicSubscription.FromDeclarative);
            lock (_lock) return [.. declarative.Concat(_active.Where(s => s.Type == PubsubSubscriptionType.Programmatic)).Select(ToMetadata)];
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (runtime.Components.PubSubs.Count == 0) return;
        await runtime.AppChannelReady.WaitAsync(stoppingToken);
        if (!channel.HasApp)
        {
            _logger.LogInformation("No app port: pub/sub subscriptions are not started");
            return;
        }

        var candidates = runtime.Resources.Subscriptions.Select(TopicSubscription.FromDeclarative).ToList();
        candidates.AddRange(await discovery.DiscoverAsync(stoppingToken));
        var seen = new HashSet<(string, string)>();
        foreach (var subscription in candidates)
        {
            if (Refusal(subscription) is { } problem)
            {
                _logger.LogError("Subscription to topic {Topic} on pub/sub {PubSub} ({Type}) is not started: {Problem}",
                    subscription.Topic, subscription.PubsubName, subscription.Type, problem);
                continue;
            }

            if (!seen.Add((subscription.PubsubName, subscription.Topic)))
            {
                _logger.LogWarning("Topic {Topic} on pub/sub {PubSub} is subscribed twice; the later subscription is ignored", subscription.Topic, subscription.PubsubName);
                continue;
            }

            await StartAsync(subscription, stoppingToken);
        }
    }

    private async Task StartAsync(TopicSubscription subscription, CancellationToken stoppingToken)
    {
        var policy = InboundPolicy.For(runtime.Resources.Resiliencies, subscription.PubsubName);
        var delivery = new MessageDelivery(subscription, policy, postman, api, metrics, loggers.CreateLogger<MessageDelivery>());
        try
        {
            await api.Find(subscription.PubsubName)!.SubscribeAsync(subscription.Topic, delivery.HandleAsync, stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _logger.LogError(error, "Failed to subscribe to topic {Topic} on pub/sub {PubSub}", subscription.Topic, subscription.PubsubName);
            return;
        }

        lock (_lock) _active.Add(subscription);
        _logger.LogInformation("Subscribed to topic {Topic} on pub/sub {PubSub}, route {Path} ({Type})",
            subscription.Topic, subscription.PubsubName, subscription.Path, subscription.Type);
    }

    private string? Refusal(TopicSubscription subscription)
    {
        if (string.IsNullOrEmpty(subscription.Topic)) return "no topic";
        if (api.Find(subscription.PubsubName) is null) return $"pub/sub '{subscription.PubsubName}' is not loaded";
        if (subscription.Rules.Any(r => r.Match.Length > 0)) return "CEL routing rules (routes.rules[].match) are not supported by FinFlow.Sidecar; use a default route";
        if (subscription.Path is null) return "no route";
        if (subscription.BulkSubscribe is { Enabled: true }) return "bulkSubscribe is not supported by FinFlow.Sidecar";
        if (!api.Scopes(subscription.PubsubName).CanSubscribe(subscription.Topic)) return "the topic is outside the component's subscriptionScopes/allowedTopics";
        return null;
    }

    private static PubsubSubscription ToMetadata(TopicSubscription subscription)
    {
        var entry = new PubsubSubscription
        {
            PubsubName = subscription.PubsubName,
            Topic = subscription.Topic,
            DeadLetterTopic = subscription.DeadLetterTopic ?? "",
            Type = subscription.Type,
            Rules = new PubsubSubscriptionRules(),
        };
        entry.Metadata.Add(subscription.Metadata.ToDictionary());
        entry.Rules.Rules.Add(subscription.Rules.Select(r => new PubsubSubscriptionRule { Match = r.Match, Path = r.Path }));
        if (subscription.DefaultPath is { } path) entry.Rules.Rules.Add(new PubsubSubscriptionRule { Path = path });
        return entry;
    }
}
