using Dapper;
using FinFlow.Testing;
using Npgsql;
using Xunit;

namespace FinFlow.Auth.Tests.Infrastructure;

/// <summary>One PostgreSQL server, sidecar health stand-in and auth app for the whole suite.</summary>
public sealed class AuthFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private DaprHealthStandIn? _sidecar;
    private AuthFactory? _factory;
    private string? _connectionString;
    private int _nextAddress;

    internal TestKeys Keys { get; } = new();

    internal AuthFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    internal PostgresFixture Postgres => _postgres;

    internal int SidecarPort => _sidecar?.Port ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client that appears to come from its own address (via X-Forwarded-For), so per-IP limits of one test never hit another.</summary>
    public AuthClient Client()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"2001:db8::{Interlocked.Increment(ref _nextAddress):x}");
        return new AuthClient(client);
    }

    public async Task<IReadOnlyList<AuditRow>> AuditAsync(string action, Guid? userId = null, string? email = null)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        var rows = await connection.QueryAsync<AuditRow>(
            """
            SELECT action, user_id AS userId, email, ip, trace_id AS traceId, detail::text AS detail FROM audit_log
            WHERE action = @Action AND (@UserId IS NULL OR user_id = @UserId) AND (@Email IS NULL OR lower(email) = lower(@Email))
            ORDER BY id
            """, new { Action = action, UserId = userId, Email = email });
        return rows.ToList();
    }

    public async Task<T> QueryScalarAsync<T>(string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new InvalidOperationException($"No value for: {sql}");
    }

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _sidecar = await DaprHealthStandIn.StartAsync();
        _connectionString = await _postgres.CreateDatabaseAsync("auth");
        _factory = new AuthFactory(_connectionString, _sidecar.Port, Keys);
        _ = _factory.Server; // start now: migrations and the admin bootstrap run once, before the tests
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _postgres.DisposeAsync();
        Keys.Dispose();
    }
}
