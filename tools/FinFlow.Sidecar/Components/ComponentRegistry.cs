using FinFlow.Sidecar.Components.InMemoryPubSub;
using FinFlow.Sidecar.Components.InMemoryState;
using FinFlow.Sidecar.Components.LocalEnvSecrets;
using FinFlow.Sidecar.Components.LocalFileSecrets;
using FinFlow.Sidecar.Components.PostgresState;
using FinFlow.Sidecar.Components.RedisPubSub;

namespace FinFlow.Sidecar.Components;

/// <summary>
/// The component types this sidecar can load. Anything else stops start-up (DESIGN §1). Building blocks
/// added later register or replace factories here.
/// </summary>
public sealed class ComponentRegistry
{
    private readonly Dictionary<string, IComponentFactory> _factories = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Types => _factories.Keys;

    public static ComponentRegistry CreateDefault()
    {
        var registry = new ComponentRegistry();
        registry.Register(new PostgresStateFactory());
        registry.Register(new InMemoryStateFactory());
        registry.Register(new LocalFileSecretStoreFactory());
        registry.Register(new LocalEnvSecretStoreFactory());
        registry.Register(new RedisPubSubFactory());
        registry.Register(new InMemoryPubSubFactory());
        return registry;
    }

    /// <summary>Adds a factory, replacing any earlier one for the same type.</summary>
    public void Register(IComponentFactory factory) => _factories[factory.Type] = factory;

    public IComponentFactory? Find(string type) => _factories.GetValueOrDefault(type);
}
