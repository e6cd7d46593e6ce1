using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;
using FinFlow.LocalInfra;
using FinFlow.ServiceDefaults.Authentication;
using FinFlow.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace FinFlow.Credit.Tests.Infrastructure;

/// <summary>
/// The real credit app on a private PostgreSQL, its calls leaving through a real FinFlow.Sidecar (app id credit) to
/// two more sidecars (accounting, analytics) in front of <see cref="BooksStandIn"/>, all resolving each other through
/// a name-resolution file as under <c>./finflow up</c>. Both Dapr tokens are set. Tokens are real ES256 tokens from
/// <see cref="TestTokenIssuer"/>. The offer parameters are set here, so the tests own the numbers they check.
/// </summary>
public sealed class CreditPlatform : IAsyncLifetime
{
    public const string ApiToken = "credit-tests-api-token";
    public const string AppToken = "credit-tests-app-token";

    private readonly PostgresFixture _postgres = new();
    private readonly ResourceDirectory _resources = new();
    private readonly List<SidecarProcess> _sidecars = [];
    private WebApplicationFactory<Program>? _factory;

    public TestTokenIssuer Tokens { get; } = new();

    public BooksStandIn Books { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The settings the app runs with; a test starts a variant (no model) from them.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal)
    {
        ["Service:Name"] = "credit",
        ["DAPR_API_TOKEN"] = ApiToken,
        ["APP_API_TOKEN"] = AppToken,
        ["Credit:Offers:FundingCostRate"] = "0.06",
        ["Credit:Offers:MinimumCoverage"] = "1.25",
        ["Credit:Offers:NoForecastHaircut"] = "0.4",
        ["Credit:Offers:TermsMonths:0"] = "6",
        ["Credit:Offers:TermsMonths:1"] = "12",
        ["Credit:Offers:TermsMonths:2"] = "24",
        ["Credit:Offers:AmountStep"] = "100",
        ["Credit:Offers:MinimumAmount"] = "500",
        ["Credit:Offers:MaximumAmount"] = "200000",
        ["Credit:Offers:Bands:A:LossGivenDefault"] = "0.4",
        ["Credit:Offers:Bands:A:ExposureAtDefault"] = "1",
        ["Credit:Offers:Bands:A:Margin"] = "0.02",
        ["Credit:Offers:Bands:B:LossGivenDefault"] = "0.45",
        ["Credit:Offers:Bands:B:ExposureAtDefault"] = "1",
        ["Credit:Offers:Bands:B:Margin"] = "0.03",
        ["Credit:Offers:Bands:C:LossGivenDefault"] = "0.5",
        ["Credit:Offers:Bands:C:ExposureAtDefault"] = "0.9",
        ["Credit:Offers:Bands:C:Margin"] = "0.05",
        ["Credit:Offers:Bands:D:LossGivenDefault"] = "0.6",
        ["Credit:Offers:Bands:D:ExposureAtDefault"] = "0.8",
        ["Credit:Offers:Bands:D:Margin"] = "0.08",
    };

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("credit");
        Books = await BooksStandIn.StartAsync();

        (int Http, int Grpc) credit = (FreePort.Next(), FreePort.Next()), accounting = (FreePort.Next(), FreePort.Next()), analytics = (FreePort.Next(), FreePort.Next());
        var names = Path.Combine(_resources.Path, "names", "apps.json");
        Directory.CreateDirectory(Path.GetDirectoryName(names)!);
        await File.WriteAllTextAsync(names, JsonSerializer.Serialize(new
        {
            apps = new Dictionary<string, object>
            {
                ["credit"] = new { host = "127.0.0.1", appPort = 0, httpPort = credit.Http, grpcPort = credit.Grpc },
                ["accounting"] = new { host = "127.0.0.1", appPort = Books.Port, httpPort = accounting.Http, grpcPort = accounting.Grpc },
                ["analytics"] = new { host = "127.0.0.1", appPort = Books.Port, httpPort = analytics.Http, grpcPort = analytics.Grpc },
            },
        }));
        _sidecars.AddRange(await Task.WhenAll(
            SidecarProcess.StartAsync(Launch("credit", null, credit, names)),
            SidecarProcess.StartAsync(Launch("accounting", Books.Port, accounting, names)),
            SidecarProcess.StartAsync(Launch("analytics", Books.Port, analytics, names))));

        Settings["ConnectionStrings:credit"] = ConnectionString;
        Settings["DAPR_HTTP_PORT"] = credit.Http.ToString(CultureInfo.InvariantCulture);
        Settings["DAPR_GRPC_PORT"] = credit.Grpc.ToString(CultureInfo.InvariantCulture);
        _factory = Start(Settings);
        using var client = Client(null);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await client.GetAsync("/readyz")).IsSuccessStatusCode && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        foreach (var sidecar in _sidecars) await sidecar.DisposeAsync();
        if (Books is not null) await Books.DisposeAsync();
        await _postgres.DisposeAsync();
        _resources.Dispose();
        Tokens.Dispose();
    }

    /// <summary>The credit app with these settings (in-process test server; its outgoing calls use the real sidecar).</summary>
    public WebApplicationFactory<Program> Start(IReadOnlyDictionary<string, string?> settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureTestServices(services => services
                .AddHttpClient(JwksKeyCache.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(Tokens.JwksHandler));
        });

    /// <summary>A client carrying the app token (as the sidecar would) and, unless null, an access token for the user.</summary>
    public HttpClient Client(Guid? userId, string role = "USER") => Client(_factory ?? throw new InvalidOperationException("Not started."), userId, role);

    public HttpClient Client(WebApplicationFactory<Program> factory, Guid? userId, string role = "USER")
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
        if (userId is { } id) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Token(id, role));
        return client;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    private static SidecarLaunch Launch(string appId, int? appPort, (int Http, int Grpc) ports, string names) => new()
    {
        AppId = appId,
        Ports = ports,
        ExtraArguments = appPort is { } port ? ["--app-port", port.ToString(CultureInfo.InvariantCulture)] : [],
        Environment = new Dictionary<string, string>
        {
            ["DAPR_API_TOKEN"] = ApiToken,
            ["APP_API_TOKEN"] = AppToken,
            ["FINFLOW_NAME_RESOLUTION_FILE"] = names,
        },
    };
}
