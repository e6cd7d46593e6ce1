using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using FinFlow.LocalInfra;
using FinFlow.Testing;
using Npgsql;
using Xunit;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>
/// The payments app (real, on a Kestrel port, own PostgreSQL database) behind a real FinFlow.Sidecar process,
/// and an accounting stand-in behind a second one, the two sidecars resolving each other through a name
/// resolution file as under <c>./finflow up</c>. Both Dapr tokens are set: calls reach the app only through
/// a sidecar or with the app token, and the app must present the API token to its sidecar. The simulated
/// processor's webhooks travel app → own sidecar → app.
/// </summary>
public sealed class PaymentsPlatform : IAsyncLifetime
{
    public const string ApiToken = "payments-tests-api-token";
    public const string AppToken = "payments-tests-app-token";
    public const string WebhookSecret = "whsec_paymentsTestsSigningSecret0123456789";

    private readonly PostgresFixture _postgres = new();
    private readonly ResourceDirectory _resources = new();
    private SidecarProcess? _accountingSidecar;

    public TestTokenIssuer Tokens { get; } = new();

    public ProcessorRecorder Processor { get; } = new();

    public AccountingStandIn Accounting { get; private set; } = null!;

    public PaymentsFactory App { get; private set; } = null!;

    public SidecarProcess Sidecar { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public string SecretsFile { get; private set; } = "";

    public string CardKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The settings the app runs with; tests start variants (a restart, the Stripe processor) from them.</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync("payments");
        Accounting = await AccountingStandIn.StartAsync();
        _resources.Write("pubsub.yaml", """
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: pubsub
            spec:
              type: pubsub.in-memory
              version: v1
            """);
        // The secret store the launcher configures (components/local/secretstore.yaml), over a file holding the
        // names ./finflow up writes; the main app is given its values as configuration, one test reads them here.
        SecretsFile = _resources.Write("secrets.json", JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["payments-db"] = ConnectionString,
            ["payments-card-key"] = CardKey,
            ["payments-webhook-secret"] = WebhookSecret,
        }));
        _resources.Write("secretstore.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Component
            metadata:
              name: secretstore
            spec:
              type: secretstores.local.file
              version: v1
              metadata:
                - name: secretsFile
                  value: {SecretsFile}
                - name: nestedSeparator
                  value: ":"
            """);
        var appPort = FreePort.Next();
        (int Http, int Grpc) payments = (FreePort.Next(), FreePort.Next()), accounting = (FreePort.Next(), FreePort.Next());
        var names = Path.Combine(_resources.Path, "names", "apps.json");
        Directory.CreateDirectory(Path.GetDirectoryName(names)!);
        await File.WriteAllTextAsync(names, JsonSerializer.Serialize(new
        {
            apps = new Dictionary<string, object>
            {
                ["payments"] = new { host = "127.0.0.1", appPort, httpPort = payments.Http, grpcPort = payments.Grpc },
                ["accounting"] = new { host = "127.0.0.1", appPort = Accounting.Port, httpPort = accounting.Http, grpcPort = accounting.Grpc },
            },
        }));

        Settings["ConnectionStrings:payments"] = ConnectionString;
        Settings["Service:Name"] = "payments";
        Settings["DAPR_HTTP_PORT"] = payments.Http.ToString(CultureInfo.InvariantCulture);
        Settings["DAPR_GRPC_PORT"] = payments.Grpc.ToString(CultureInfo.InvariantCulture);
        Settings["DAPR_API_TOKEN"] = ApiToken;
        Settings["APP_API_TOKEN"] = AppToken;
        Settings["Authentication:Jwt:Issuer"] = TestTokenIssuer.Issuer;
        Settings["Authentication:Jwt:Audience"] = TestTokenIssuer.Audience;
        Settings["Payments:CardDataKey"] = CardKey;
        Settings["Payments:WebhookSecret"] = WebhookSecret;
        Settings["Payments:Simulated:SettleDelayMilliseconds"] = "100";
        Settings["Payments:Simulated:RetryDelayMilliseconds"] = "200";
        Settings["Payments:Idempotency:WaitSeconds"] = "20";

        App = new PaymentsFactory(Settings, Tokens.Jwks(), Processor);
        App.UseKestrel(appPort);
        App.StartServer();

        var sidecars = await Task.WhenAll(
            SidecarProcess.StartAsync(Launch("payments", appPort, payments, names)),
            SidecarProcess.StartAsync(Launch("accounting", Accounting.Port, accounting, names)));
        (Sidecar, _accountingSidecar) = (sidecars[0], sidecars[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var process in new IAsyncDisposable?[] { Sidecar, _accountingSidecar, App, Accounting })
        {
            if (process is not null) await process.DisposeAsync();
        }

        await _postgres.DisposeAsync();
        _resources.Dispose();
        Tokens.Dispose();
    }

    /// <summary>A client of the app carrying the app token (as the sidecar would) and, unless null, an access token for the user.</summary>
    public HttpClient Client(Guid? userId, string role = "USER")
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
        if (userId is { } id) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Token(id, role));
        return client;
    }

    /// <summary>An invoice of <paramref name="userId"/> that accounting will answer for.</summary>
    public StandInInvoice Invoice(Guid userId, decimal amount, string currency = "USD", string status = "PENDING", decimal amountPaid = 0m) =>
        Accounting.Add(new StandInInvoice(Guid.NewGuid(), userId, amount, currency, status, amountPaid));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).ToList();
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        return await connection.ExecuteAsync(sql, parameters);
    }

    private static SidecarLaunch Launch(string appId, int appPort, (int Http, int Grpc) ports, string names) => new()
    {
        AppId = appId,
        Ports = ports,
        ResourcesPaths = [Path.GetDirectoryName(Path.GetDirectoryName(names))!],
        ExtraArguments = ["--app-port", appPort.ToString(CultureInfo.InvariantCulture)],
        Environment = new Dictionary<string, string>
        {
            ["DAPR_API_TOKEN"] = ApiToken,
            ["APP_API_TOKEN"] = AppToken,
            ["FINFLOW_NAME_RESOLUTION_FILE"] = names,
        },
    };
}
