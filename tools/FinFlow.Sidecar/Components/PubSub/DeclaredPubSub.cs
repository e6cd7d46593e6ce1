namespace FinFlow.Sidecar.Components.PubSub;

/// <summary>
/// A pub/sub component that passed the loader's checks but has no broker behind it yet. The pub/sub
/// building block replaces <see cref="DeclaredPubSubFactory"/> registrations with real factories; until then
/// the component is listed by the metadata API and publish calls are answered as not implemented.
/// </summary>
public sealed class DeclaredPubSub(string name, string type, IReadOnlyDictionary<string, string> metadata)
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;
}
