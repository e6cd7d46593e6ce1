using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using FinFlow.Testing;
using Grpc.Net.Client;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests.Management;

/// <summary>
/// Two sidecars without an app. The engine one (from the collection's PostgreSQL, made on first use) runs the
/// engine, but no worker ever connects, so instances stay where the management API put them. The other has
/// only an in-memory state store without <c>actorStateStore</c>, so it has no engine at all.
/// </summary>
public sealed class WorkflowManagementFixture : IAsyncLifetime
{
    private readonly ResourceDirectory _noEngineResources = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkflowRig? _engine;
    private GrpcChannel? _engineChannel;

    public SidecarProcess NoEngine { get; private set; } = null!;

    public GrpcChannel NoEngineChannel { get; private set; } = null!;

    /// <summary>The collection fixture owns (and disposes) the rig; this only makes it once.</summary>
    public async Task<(SidecarProcess Sidecar, GrpcChannel Channel)> EngineAsync(WorkflowFixture collection)
    {
        await _gate.WaitAsync();
        try
        {
            _engine ??= await collection.CreateRigAsync("wfmanage", withApp: false);
            _engineChannel ??= GrpcChannel.ForAddress(_engine.Sidecar.GrpcEndpoint);
            return (_engine.Sidecar, _engineChannel);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task InitializeAsync()
    {
        _noEngineResources.Write("state.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: statestore
            spec:
              type: state.in-memory
              version: v1
            """);
        NoEngine = await SidecarProcess.StartAsync(new SidecarLaunch { AppId = "wfnoengine", ResourcesPaths = [_noEngineResources.Path] });
        NoEngineChannel = GrpcChannel.ForAddress(NoEngine.GrpcEndpoint);
    }

    public async Task DisposeAsync()
    {
        _engineChannel?.Dispose();
        NoEngineChannel?.Dispose();
        if (NoEngine is not null) await NoEngine.DisposeAsync();
        _noEngineResources.Dispose();
        _gate.Dispose();
    }
}
