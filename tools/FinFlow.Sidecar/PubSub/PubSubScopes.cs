using FinFlow.Sidecar.Components;

namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// Topic scoping from a pub/sub component's metadata, as daprd reads it (<c>pkg/runtime/pubsub/scopes.go</c>):
/// <c>allowedTopics</c> limits every app, <c>protectedTopics</c> are closed unless an app's scope lists them,
/// and <c>publishingScopes</c> / <c>subscriptionScopes</c> (<c>app1=t1,t2;app2=t3</c>) limit the listed apps.
/// </summary>
public sealed class PubSubScopes
{
    public static readonly string[] MetadataKeys = ["allowedTopics", "protectedTopics", "publishingScopes", "subscriptionScopes"];

    private readonly HashSet<string> _allowed;
    private readonly HashSet<string> _protected;
    private readonly HashSet<string>? _publishing;
    private readonly HashSet<string>? _subscribing;

    public PubSubScopes(ComponentMetadata metadata, string appId)
    {
        _allowed = List(metadata.Get("allowedTopics"));
        _protected = List(metadata.Get("protectedTopics"));
        _publishing = ForApp(metadata.Get("publishingScopes"), appId);
        _subscribing = ForApp(metadata.Get("subscriptionScopes"), appId);
    }

    public bool CanPublish(string topic) => IsAllowed(topic, _publishing);

    public bool CanSubscribe(string topic) => IsAllowed(topic, _subscribing);

    private bool IsAllowed(string topic, HashSet<string>? scoped)
    {
        if (_allowed.Count > 0 && !_allowed.Contains(topic)) return false;
        if (scoped is null) return !_protected.Contains(topic);
        return scoped.Contains(topic);
    }

    private static HashSet<string> List(string? text) =>
        new((text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);

    /// <summary>The topics this app is limited to, or null when the scope string does not mention it.</summary>
    private static HashSet<string>? ForApp(string? text, string appId)
    {
        if (text is null) return null;
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            var app = equals < 0 ? entry : entry[..equals];
            if (app.Trim() == appId) return List(equals < 0 ? "" : entry[(equals + 1)..]);
        }

        return null;
    }
}
