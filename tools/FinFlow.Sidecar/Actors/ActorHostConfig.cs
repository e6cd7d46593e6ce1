using System.Text.Json;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Actors;

/// <summary>
/// What the app's <c>GET /dapr/config</c> says: the actor types it hosts and their settings. Durations are Go
/// durations (the .NET SDK writes <c>0h1m0s0ms</c>); a value that does not parse keeps daprd's default.
/// </summary>
public sealed class ActorHostConfig
{
    private readonly Dictionary<string, ActorTypeSettings> _types;

    private ActorHostConfig(Dictionary<string, ActorTypeSettings> types, ActorTypeSettings defaults)
    {
        _types = types;
        Defaults = defaults;
    }

    public static ActorHostConfig Empty { get; } = new(new Dictionary<string, ActorTypeSettings>(StringComparer.Ordinal), ActorTypeSettings.Default);

    public IReadOnlyCollection<string> Types => _types.Keys;

    public ActorTypeSettings Defaults { get; }

    public bool Hosts(string actorType) => _types.ContainsKey(actorType);

    public ActorTypeSettings For(string actorType) => _types.GetValueOrDefault(actorType) ?? Defaults;

    /// <summary>The shortest scan interval of any type: the idle scanner's tick.</summary>
    public TimeSpan ScanInterval => _types.Count == 0 ? Defaults.ScanInterval : _types.Values.Min(t => t.ScanInterval);

    public static ActorHostConfig Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return Empty;
        var defaults = Apply(ActorTypeSettings.Default, root);
        var types = new Dictionary<string, ActorTypeSettings>(StringComparer.Ordinal);
        foreach (var type in Strings(root, "entities")) types[type] = defaults;
        if (Property(root, "entitiesConfig") is { ValueKind: JsonValueKind.Array } overrides)
        {
            foreach (var entry in overrides.EnumerateArray())
            {
                foreach (var type in Strings(entry, "entities"))
                {
                    // An override only applies to a type the app also lists in entities, as in daprd.
                    if (types.ContainsKey(type)) types[type] = Apply(defaults, entry);
                }
            }
        }

        return new ActorHostConfig(types, defaults);
    }

    private static ActorTypeSettings Apply(ActorTypeSettings settings, JsonElement source)
    {
        settings = settings with
        {
            IdleTimeout = Duration(source, "actorIdleTimeout") ?? settings.IdleTimeout,
            ScanInterval = Duration(source, "actorScanInterval") ?? settings.ScanInterval,
            DrainOngoingCallTimeout = Duration(source, "drainOngoingCallTimeout") ?? settings.DrainOngoingCallTimeout,
        };
        if (Property(source, "drainRebalancedActors") is { ValueKind: JsonValueKind.True or JsonValueKind.False } drain)
        {
            settings = settings with { DrainRebalancedActors = drain.GetBoolean() };
        }

        if (Property(source, "reentrancy") is { ValueKind: JsonValueKind.Object } reentrancy)
        {
            var enabled = Property(reentrancy, "enabled") is { ValueKind: JsonValueKind.True };
            var depth = Property(reentrancy, "maxStackDepth") is { ValueKind: JsonValueKind.Number } max && max.TryGetInt32(out var value) ? value : 32;
            settings = settings with { ReentrancyEnabled = enabled, MaxStackDepth = depth };
        }

        return settings;
    }

    private static TimeSpan? Duration(JsonElement source, string name) =>
        Property(source, name) is { ValueKind: JsonValueKind.String } text && GoDuration.TryParse(text.GetString()!, out var value) && value > TimeSpan.Zero
            ? value
            : null;

    private static IEnumerable<string> Strings(JsonElement source, string name) =>
        Property(source, name) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Where(s => s.Length > 0)
            : [];

    // daprd decodes /dapr/config with Go's encoding/json, whose field matching ignores case.
    private static JsonElement? Property(JsonElement source, string name)
    {
        foreach (var property in source.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }

        return null;
    }
}
