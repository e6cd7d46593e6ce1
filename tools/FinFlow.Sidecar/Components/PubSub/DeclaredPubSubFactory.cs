namespace FinFlow.Sidecar.Components.PubSub;

/// <summary>Accepts a pub/sub component type at load time (extension point for the pub/sub building block).</summary>
public sealed class DeclaredPubSubFactory(string type) : IComponentFactory
{
    public string Type { get; } = type;

    public IReadOnlyList<string> Versions { get; } = ["v1"];

    public Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct) =>
        Task.FromResult<object>(new DeclaredPubSub(context.Name, Type, context.Metadata.Values));
}
