using System.Net.Http.Headers;
using Dapper;
using FinFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>One PostgreSQL server, sidecar health stand-in and accounting app; tokens are signed by a TestTokenIssuer.</summary>
public sealed class AccountingFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private readonly TestTokenIssuer _tokens = new();
    private DaprHealthStandIn? _sidecar;
    private AccountingFactory? _factory;
    private string? _connectionString;

    /// <summary>A client with a valid access token for <paramref name="userId"/>, or none when it is null.</summary>
    public HttpClient Client(Guid? userId, string role = "USER")
    {
        var client = Factory.CreateClient();
        if (userId is { } id) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(id, role));
        return client;
    }

    /// <summary>The app's own data source: property tests drive the event handlers directly against it.</summary>
    public NpgsqlDataSource DataSource => Factory.Services.GetRequiredService<NpgsqlDataSource>();

    private AccountingFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    public string Token(Guid userId, string role = "USER") => _tokens.Token(userId, role);

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _sidecar = await DaprHealthStandIn.StartAsync();
        _connectionString = await _postgres.CreateDatabaseAsync("accounting");
        _factory = new AccountingFactory(_connectionString, _sidecar.Port, _tokens.JwksHandler);
        _ = _factory.Server; // start now: migrations run once, before the tests
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _postgres.DisposeAsync();
        _tokens.Dispose();
    }
}
