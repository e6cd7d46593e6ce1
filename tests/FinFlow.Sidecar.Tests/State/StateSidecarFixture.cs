using FinFlow.Testing;
using Dapr.Client;
using FinFlow.Sidecar.Tests.Infrastructure;
using Grpc.Core;
using Xunit;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>One sidecar per test class with a state store named <c>statestore</c>, plus its clients.</summary>
public abstract class StateSidecarFixture : IAsyncLifetime
{
    public const string AppId = "stateapp";
    public const string Store = "statestore";

    private readonly ResourceDirectory _resources = new();

    public SidecarProcess Sidecar { get; private set; } = null!;

    public DaprClient Client { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>An ETag that can never match in this store.</summary>
    public abstract string BadETag { get; }

    /// <summary>How the store reports a first-write conflict: postgres "no item was updated" is Internal, in-memory is an ETag mismatch.</summary>
    public abstract StatusCode FirstWriteConflictStatus { get; }

    public ResourceDirectory Resources => _resources;

    public virtual async Task InitializeAsync()
    {
        await WriteResourcesAsync(_resources);
        Sidecar = await SidecarProcess.StartAsync(new SidecarLaunch { AppId = AppId, ResourcesPaths = [_resources.Path] });
        Client = Sidecar.CreateClient();
        Http = Sidecar.CreateHttpClient();
    }

    public virtual async Task DisposeAsync()
    {
        Client?.Dispose();
        Http?.Dispose();
        if (Sidecar is not null) await Sidecar.DisposeAsync();
        _resources.Dispose();
    }

    protected abstract Task WriteResourcesAsync(ResourceDirectory resources);
}
