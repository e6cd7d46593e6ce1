using FinFlow.Testing;
using Xunit;

namespace FinFlow.ServiceDefaults.Tests;

/// <summary>One PostgreSQL server, sidecar health stand-in and sample service shared by a test class.</summary>
public sealed class SampleServiceFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private DaprHealthStandIn? _sidecar;
    private SampleServiceFactory? _factory;

    internal SampleServiceFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _sidecar = await DaprHealthStandIn.StartAsync();
        _factory = new SampleServiceFactory(await _postgres.CreateDatabaseAsync("sample"), _sidecar.Port);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _postgres.DisposeAsync();
    }
}
