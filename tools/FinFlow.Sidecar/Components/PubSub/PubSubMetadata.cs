using FinFlow.Sidecar.PubSub;

namespace FinFlow.Sidecar.Components.PubSub;

/// <summary>
/// Metadata checks shared by the pub/sub components: every key must be one the component honours (the
/// scoping keys the building block reads are always allowed), so a setting that would be silently ignored
/// stops start-up with the file and field named.
/// </summary>
public static class PubSubMetadata
{
    public static void EnsureOnly(ComponentMetadata metadata, IReadOnlyCollection<string> supported)
    {
        foreach (var item in metadata.Definition.Metadata)
        {
            if (supported.Contains(item.Name, StringComparer.OrdinalIgnoreCase)) continue;
            if (PubSubScopes.MetadataKeys.Contains(item.Name, StringComparer.OrdinalIgnoreCase)) continue;
            throw metadata.Error(item.Name,
                $"'{item.Name}' is not supported by FinFlow.Sidecar's {metadata.Definition.Type} (supported: {string.Join(", ", supported.Concat(PubSubScopes.MetadataKeys))})");
        }
    }
}
