using FinFlow.Sidecar.Components.PubSub;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Components.InMemoryPubSub;

/// <summary>Creates <see cref="InMemoryPubSub"/>; it takes no settings of its own.</summary>
public sealed class InMemoryPubSubFactory : IComponentFactory
{
    public string Type => "pubsub.in-memory";

    public IReadOnlyList<string> Versions { get; } = ["v1"];

    public Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct)
    {
        PubSubMetadata.EnsureOnly(context.Metadata, []);
        return Task.FromResult<object>(new InMemoryPubSub(context.LoggerFactory.CreateLogger<InMemoryPubSub>()));
    }
}
