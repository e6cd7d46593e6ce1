using FinFlow.Testing;
using FinFlow.Sidecar.Tests.Infrastructure;
using Grpc.Core;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>The sidecar with <c>state.in-memory</c>.</summary>
public sealed class InMemoryStateFixture : StateSidecarFixture
{
    public override string BadETag => "9999999";

    public override StatusCode FirstWriteConflictStatus => StatusCode.Aborted;

    protected override Task WriteResourcesAsync(ResourceDirectory resources)
    {
        resources.Write("statestore.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: {Store}
            spec:
              type: state.in-memory
              version: v1
            """);
        return Task.CompletedTask;
    }
}
