using FinFlow.Testing;
using FinFlow.Sidecar.Tests.Infrastructure;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>The pub/sub fixture on <c>pubsub.in-memory</c>.</summary>
public sealed class InMemoryPubSubFixture : PubSubFixture
{
    public override bool ChecksOrder => true;

    protected override Task<string> ComponentYamlAsync(ResourceDirectory resources) => Task.FromResult("""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: pubsub
        spec:
          type: pubsub.in-memory
          version: v1
          metadata:
          - name: protectedTopics
            value: secret-topic
        """);
}
