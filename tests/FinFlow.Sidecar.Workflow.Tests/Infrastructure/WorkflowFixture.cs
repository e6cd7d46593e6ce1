using FinFlow.LocalInfra;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests.Infrastructure;

/// <summary>
/// One private PostgreSQL for the whole collection and one shared rig (sidecar + workflow app) for tests that do not
/// break anything; tests that kill processes take their own rig from <see cref="CreateRigAsync"/>.
/// </summary>
public sealed class WorkflowFixture : IAsyncLifetime
{
    private readonly List<WorkflowRig> _rigs = [];
    private PostgresServer? _server;

    public WorkflowRig Rig { get; private set; } = null!;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL has not started.");

    public async Task<WorkflowRig> CreateRigAsync(string appId, string? apiToken = null, bool withApp = true)
    {
        var rig = await WorkflowRig.StartAsync(await Server.CreateScratchDatabaseAsync("wf"), appId, apiToken, withApp);
        lock (_rigs) _rigs.Add(rig);
        return rig;
    }

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        Rig = await CreateRigAsync("wfapp");
    }

    public async Task DisposeAsync()
    {
        foreach (var rig in _rigs) await rig.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
    }
}
