using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace FinFlow.LocalInfra;

/// <summary>A private PostgreSQL cluster on 127.0.0.1, started with initdb + pg_ctl from the system binaries.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Superuser = "finflow_admin";
    private const int PortAttempts = 3;

    private readonly InstanceDirectory _instance;
    private readonly ServerAccount _account;
    private readonly string _binDirectory;
    private bool _stopped;

    private PostgresServer(InstanceDirectory instance, ServerAccount account, string binDirectory, string password)
    {
        _instance = instance;
        _account = account;
        _binDirectory = binDirectory;
        SuperuserPassword = password;
    }

    public int Port { get; private set; }

    public string SuperuserPassword { get; }

    public string DataDirectory => Path.Combine(_instance.Path, "data");

    public string AdminConnectionString => ConnectionString("postgres", Superuser, SuperuserPassword);

    public static async Task<PostgresServer> StartAsync(PostgresServerOptions? options = null, CancellationToken ct = default)
    {
        options ??= new PostgresServerOptions();
        var binDirectory = BinaryLocator.PostgresBinDirectory();
        await OrphanReaper.ReapAsync(ct);

        var instance = options.Directory is null
            ? InstanceDirectory.CreateEphemeral("pg")
            : InstanceDirectory.UseExisting(options.Directory);
        var password = options.SuperuserPassword ?? NewPassword();
        var server = new PostgresServer(instance, ServerAccount.ForPostgres(), binDirectory, password);
        try
        {
            await server._account.TakeOwnershipAsync(instance.Path, ct);
            if (!File.Exists(Path.Combine(server.DataDirectory, "PG_VERSION"))) await server.InitDbAsync(options, ct);
            await server.StartOnFreePortAsync(options, ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database, string user, string password) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = user,
            Password = password,
        }.ConnectionString;

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            var mode = _instance.Ephemeral ? "immediate" : "fast";
            await PgCtlAsync(["stop", "-D", DataDirectory, "-m", mode, "-w", "-t", "60"], CancellationToken.None);
        }

        NpgsqlConnection.ClearAllPools();
        _instance.Delete();
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>
    /// Stops a cluster another process started: the launcher's <c>down</c> (fast, clean shutdown), or a dead
    /// test's orphan (<paramref name="immediate"/>: its data is thrown away anyway).
    /// </summary>
    public static async Task StopExistingAsync(string directory, bool immediate = false)
    {
        var data = Path.Combine(directory, "data");
        if (!File.Exists(Path.Combine(data, "postmaster.pid"))) return;
        var pgCtl = Path.Combine(BinaryLocator.PostgresBinDirectory(), "pg_ctl");
        var result = await ServerAccount.ForPostgres().RunAsync(pgCtl, ["stop", "-D", data, "-m", immediate ? "immediate" : "fast", "-w", "-t", "60"], TimeSpan.FromSeconds(90));
        if (!result.Succeeded && File.Exists(Path.Combine(data, "postmaster.pid")))
        {
            throw new InvalidOperationException($"pg_ctl stop failed: {result.Describe()}");
        }
    }

    private async Task InitDbAsync(PostgresServerOptions options, CancellationToken ct)
    {
        var passwordFile = Path.Combine(_instance.Path, "pwfile");
        await File.WriteAllTextAsync(passwordFile, SuperuserPassword, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        await _account.TakeOwnershipAsync(passwordFile, ct);
        List<string> arguments =
        [
            "-D", DataDirectory, "-U", Superuser, $"--pwfile={passwordFile}", "-E", "UTF8", "--locale=C",
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
        ];
        if (!options.Durable) arguments.Add("--no-sync");
        try
        {
            var result = await _account.RunAsync(Path.Combine(_binDirectory, "initdb"), arguments, TimeSpan.FromMinutes(2), ct);
            if (!result.Succeeded) throw new InvalidOperationException($"initdb failed ({result.Describe()}).");
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    private async Task StartOnFreePortAsync(PostgresServerOptions options, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            Port = options.Port ?? FreePort.Next();
            var serverFlags = string.Join(' ', ServerFlags(options.Durable));
            var result = await PgCtlAsync(
                ["start", "-D", DataDirectory, "-l", Path.Combine(_instance.Path, "postgres.log"), "-w", "-t", "60", "-o", serverFlags], ct);
            if (result.Succeeded) return;

            // Another process may have taken the port between the probe and the bind; try a new one.
            var log = await ReadLogAsync();
            if (options.Port is null && attempt < PortAttempts && log.Contains("could not bind", StringComparison.Ordinal)) continue;
            throw new InvalidOperationException($"PostgreSQL did not start ({result.Describe()}). Log:\n{log}");
        }
    }

    private IEnumerable<string> ServerFlags(bool durable)
    {
        yield return $"-p {Port.ToString(CultureInfo.InvariantCulture)}";
        yield return "-c listen_addresses=127.0.0.1";
        // The socket lives in the instance folder so no system-wide /var/run/postgresql is needed.
        yield return $"-c unix_socket_directories='{_instance.Path}'";
        yield return "-c max_connections=300";
        if (!durable) yield return "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    }

    private async Task<ProcessResult> PgCtlAsync(IEnumerable<string> arguments, CancellationToken ct) =>
        await _account.RunAsync(Path.Combine(_binDirectory, "pg_ctl"), arguments, TimeSpan.FromSeconds(90), ct);

    private async Task<string> ReadLogAsync()
    {
        var log = Path.Combine(_instance.Path, "postgres.log");
        return File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
    }

    private static string NewPassword() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
}
