using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using FinFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using Xunit;

namespace FinFlow.Accounting.Tests.Web;

/// <summary>One PostgreSQL server, sidecar health stand-in and accounting app; tokens are signed with a test ES256 key.</summary>
public sealed class AccountingFixture : IAsyncLifetime
{
    private const string Kid = "test-key";
    private readonly PostgresFixture _postgres = new();
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
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

    public string Token(Guid userId, string role = "USER") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AccountingFactory.Issuer,
        Audience = AccountingFactory.Audience,
        Expires = DateTime.UtcNow.AddMinutes(15),
        SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(_key) { KeyId = Kid }, SecurityAlgorithms.EcdsaSha256),
        Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["role"] = role, ["jti"] = Guid.NewGuid().ToString("N") },
    });

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
        _factory = new AccountingFactory(_connectionString, _sidecar.Port, Jwks());
        _ = _factory.Server; // start now: migrations run once, before the tests
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _postgres.DisposeAsync();
        _key.Dispose();
    }

    private string Jwks()
    {
        var q = _key.ExportParameters(false).Q;
        return JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = "EC", crv = "P-256", use = "sig", alg = "ES256", kid = Kid, x = Base64UrlEncoder.Encode(q.X), y = Base64UrlEncoder.Encode(q.Y) } },
        });
    }
}
