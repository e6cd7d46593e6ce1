using System.Globalization;
using System.Net.Http.Headers;
using FinFlow.ServiceDefaults.Authentication;
using FinFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FinFlow.Analytics.Tests;

/// <summary>The real analytics app on a private PostgreSQL, training its categorization model into a temporary folder at start.</summary>
public sealed class AnalyticsFixture : IAsyncLifetime
{
    private readonly PostgresFixture _postgres = new();
    private readonly TestTokenIssuer _tokens = new();
    private readonly string _models = Path.Combine(Path.GetTempPath(), $"finflow-analytics-models-{Guid.NewGuid():N}");
    private DaprHealthStandIn? _sidecar;
    private WebApplicationFactory<Program>? _factory;
    private string? _connectionString;

    public IServiceProvider Services => (_factory ?? throw new InvalidOperationException("Not started.")).Services;

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_connectionString);
        return (await Dapper.SqlMapper.QueryAsync<T>(connection, sql, parameters)).ToList();
    }

    public HttpClient Client(Guid? userId)
    {
        var client = (_factory ?? throw new InvalidOperationException("Not started.")).CreateClient();
        if (userId is { } id) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _tokens.Token(id));
        return client;
    }

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        _sidecar = await DaprHealthStandIn.StartAsync();
        var connectionString = _connectionString = await _postgres.CreateDatabaseAsync("analytics");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:analytics", connectionString);
            builder.UseSetting("DAPR_HTTP_PORT", _sidecar.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Service:Name", "analytics");
            builder.UseSetting("Analytics:ModelDirectory", _models);
            builder.UseSetting("Analytics:ForecastRefreshSeconds", "0"); // the tests run the refresher themselves
            builder.ConfigureTestServices(services => services
                .AddHttpClient(JwksKeyCache.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(_tokens.JwksHandler));
        });
        using var client = _factory.CreateClient();
        // Ready once the model is trained (a few seconds on a fresh folder).
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!(await client.GetAsync("/readyz")).IsSuccessStatusCode && DateTime.UtcNow < deadline) await Task.Delay(250);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (_sidecar is not null) await _sidecar.DisposeAsync();
        await _postgres.DisposeAsync();
        _tokens.Dispose();
        if (Directory.Exists(_models)) Directory.Delete(_models, recursive: true);
    }
}
