using FinFlow.LocalInfra;
using Xunit;

namespace FinFlow.Testing;

/// <summary>One private PostgreSQL server per test class; each test asks for its own fresh database.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public Task<string> CreateDatabaseAsync(string prefix = "test") => Server.CreateScratchDatabaseAsync(prefix);

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
