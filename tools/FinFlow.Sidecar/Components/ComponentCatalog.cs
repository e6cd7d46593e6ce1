using FinFlow.Sidecar.Secrets;
using FinFlow.Sidecar.State;

namespace FinFlow.Sidecar.Components;

/// <summary>The running components, by category and name; disposed when the sidecar stops.</summary>
public sealed class ComponentCatalog(IReadOnlyList<LoadedComponent> components) : IAsyncDisposable
{
    public IReadOnlyList<LoadedComponent> All { get; } = components;

    public IReadOnlyDictionary<string, LoadedComponent> StateStores { get; } = ByCategory(components, "state");

    public IReadOnlyDictionary<string, LoadedComponent> SecretStores { get; } = ByCategory(components, "secretstores");

    public IReadOnlyDictionary<string, LoadedComponent> PubSubs { get; } = ByCategory(components, "pubsub");

    /// <summary>
    /// The one state store with <c>actorStateStore: "true"</c> (daprd refuses more than one); workflows and
    /// actors keep their state there. Null when none is configured.
    /// </summary>
    public LoadedComponent? ActorStateStore => StateStores.Values.SingleOrDefault(c => c.Metadata.Bool("actorStateStore", false));

    public IStateStore? FindStateStore(string name) => StateStores.GetValueOrDefault(name)?.Instance as IStateStore;

    public ISecretStore? FindSecretStore(string name) => SecretStores.GetValueOrDefault(name)?.Instance as ISecretStore;

    public async ValueTask DisposeAsync()
    {
        foreach (var component in All)
        {
            switch (component.Instance)
            {
                case IAsyncDisposable asyncDisposable: await asyncDisposable.DisposeAsync(); break;
                case IDisposable disposable: disposable.Dispose(); break;
            }
        }
    }

    private static Dictionary<string, LoadedComponent> ByCategory(IReadOnlyList<LoadedComponent> components, string category) =>
        components.Where(c => c.Definition.Category == category).ToDictionary(c => c.Definition.Name, StringComparer.Ordinal);
}
