namespace FinFlow.Sidecar.Components;

/// <summary>
/// Builds instances of one component type. The instance must implement the interface of its category
/// (<c>state</c> → IStateStore, <c>secretstores</c> → ISecretStore, <c>pubsub</c> → whatever the pub/sub
/// building block registers). Metadata problems are reported as ResourceException via ComponentMetadata.Error.
/// </summary>
public interface IComponentFactory
{
    /// <summary>The <c>spec.type</c> this factory serves, e.g. <c>state.postgresql</c>.</summary>
    string Type { get; }

    /// <summary>Accepted <c>spec.version</c> values.</summary>
    IReadOnlyList<string> Versions { get; }

    Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct);
}
