using System.Reflection;
using System.Security.Cryptography;
using FinFlow.LocalInfra;
using Npgsql;

namespace FinFlow.Benchmarks;

/// <summary>
/// What the accounting suite runs against: a private PostgreSQL with the service's database and login role (as the
/// launcher provisions them), the sidecar stand-in, and the real accounting app built with this benchmark, run as
/// its own process on a loopback port.
/// </summary>
public sealed class AccountingHost : IAsyncDisposable
{
#if DEBUG
    public const string BuildConfiguration = "Debug";
#else
    public const string BuildConfiguration = "Release";
#endif

    private readonly List<IAsyncDisposable> _owned = [];

    private AccountingHost()
    {
    }

    public static string AppAssembly =>
        typeof(AccountingHost).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "AccountingAssembly").Value!;

    public PostgresServer Postgres { get; private set; } = null!;

    /// <summary>The app's own role on its own database; the journal loader uses it too, so it passes the same triggers.</summary>
    public string AppConnectionString { get; private set; } = "";

    public AccountingTokens Tokens { get; } = new();

    public AccountingSidecarStandIn Sidecar { get; private set; } = null!;

    public ChildProcess App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public static async Task<AccountingHost> StartAsync(CancellationToken cancellationToken)
    {
        var host = new AccountingHost();
        try
        {
            host.Postgres = await PostgresServer.StartAsync(ct: cancellationToken);
            host._owned.Add(host.Postgres);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            host.AppConnectionString = await host.Postgres.CreateDatabaseAsync("finflow_accounting", "accounting_svc", password, cancellationToken);
            host.Sidecar = await AccountingSidecarStandIn.StartAsync(host.Tokens.Jwks(), cancellationToken);
            host._owned.Add(host.Sidecar);
            await host.StartAppAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes dirty pages out before a measured phase, so one phase's checkpoint does not land in the next.</summary>
    public async Task CheckpointAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Postgres.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("CHECKPOINT", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Postgres.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SHOW server_version", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task StartAppAsync()
    {
        var port = FreePort.Next();
        // Configuration as the launcher would give it, except that secrets come as plain settings (no secret store here).
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__accounting"] = AppConnectionString,
            ["Service__Name"] = "accounting",
            ["Authentication__Jwt__Issuer"] = AccountingTokens.Issuer,
            ["Authentication__Jwt__Audience"] = AccountingTokens.Audience,
            ["DAPR_HTTP_PORT"] = $"{Sidecar.HttpPort}",
            ["DAPR_GRPC_PORT"] = $"{Sidecar.GrpcPort}",
        };
        // The content root is the build output, where appsettings.json is, whatever this process's working folder.
        App = ChildProcess.StartDotnet("accounting", AppAssembly, ["--contentRoot", Path.GetDirectoryName(AppAssembly)!], environment);
        _owned.Add(App);
        // Ready means migrations applied, database and sidecar reachable.
        await App.WaitReadyAsync(port, $"http://127.0.0.1:{port}/readyz", TimeSpan.FromSeconds(120));
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        await PrimeJwksAsync();
    }

    /// <summary>
    /// One authenticated call before any load: the app fetches the JWKS on the first token it sees, and requests that
    /// arrive while that first fetch is in flight are refused (401), which would show up as errors of the first run.
    /// </summary>
    private async Task PrimeJwksAsync()
    {
        var token = Tokens.Issue(Guid.NewGuid());
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "accounting/invoices");
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var response = await Http.SendAsync(request);
            if (response.IsSuccessStatusCode) return;
            if (attempt == 20) throw new InvalidOperationException($"the app refused a valid token 20 times ({(int)response.StatusCode}):\n{App.Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>Outbox rows not yet relayed, and the last publish error if any.</summary>
    public async Task<(long Unsent, string? LastError)> OutboxBacklogAsync(CancellationToken cancellationToken)
    {
        const string sql = "SELECT count(*) FILTER (WHERE sent_at IS NULL), max(last_error) FROM outbox_messages";
        await using var connection = new NpgsqlConnection(AppConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        // The app first (it holds connections), the server last.
        for (var i = _owned.Count - 1; i >= 0; i--) await _owned[i].DisposeAsync();
        Tokens.Dispose();
    }
}
