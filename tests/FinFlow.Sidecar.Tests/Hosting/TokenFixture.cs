using FinFlow.Testing;
using FinFlow.Sidecar.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Tests.Hosting;

/// <summary>A sidecar started with <c>DAPR_API_TOKEN</c> set.</summary>
public sealed class TokenFixture : IAsyncLifetime
{
    public const string Token = "test-api-token-7f3a";
    private readonly ResourceDirectory _resources = new();

    public SidecarProcess Sidecar { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _resources.Write("state.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.in-memory
              version: v1
            """);
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch
        {
            AppId = "tokenapp",
            ResourcesPaths = [_resources.Path],
            Environment = new Dictionary<string, string> { ["DAPR_API_TOKEN"] = Token },
        });
    }

    public async Task DisposeAsync()
    {
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        _resources.Dispose();
    }
}
