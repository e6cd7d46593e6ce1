using System.Globalization;
using FinFlow.Cli.RunFiles;
using FinFlow.LocalInfra;

namespace FinFlow.Cli.Platform;

/// <summary>
/// The private PostgreSQL and Redis behind a local run, with data kept under <c>.finflow/</c>: one
/// database and login role per app (reaching only its own database) plus one for the Dapr state store.
/// </summary>
public static class PlatformInfrastructure
{
    public const string StateStoreDatabase = "finflow_dapr_state";

    public static async Task<(PostgresServer Postgres, RedisServer Redis)> StartAsync(
        Workspace workspace, PlatformSecrets secrets, IReadOnlyList<RunFileApp> apps)
    {
        if (apps.Any(app => app.AppId == AuthSecrets.AppId)) AuthSecrets.Ensure(secrets, workspace.SecretsFile);
        if (apps.Any(app => app.AppId == PaymentsSecrets.AppId)) PaymentsSecrets.Ensure(secrets);
        var postgres = await PostgresServer.StartAsync(new PostgresServerOptions
        {
            Directory = await PostgresDataHome.PrepareAsync(workspace),
            Durable = true,
            SuperuserPassword = secrets.Generated("postgres-superuser-password"),
        });
        try
        {
            foreach (var app in apps)
            {
                var name = DatabaseName(app.AppId);
                secrets[$"{app.AppId}-db"] = await postgres.CreateDatabaseAsync($"finflow_{name}", $"{name}_svc", secrets.Generated($"{app.AppId}-db-password"));
            }

            var statePassword = secrets.Generated("statestore-db-password");
            await postgres.CreateDatabaseAsync(StateStoreDatabase, "dapr_state", statePassword);
            // state.postgresql takes a libpq/pgx keyword string, not Npgsql's format.
            secrets["statestore-db"] = string.Create(CultureInfo.InvariantCulture,
                $"host=127.0.0.1 port={postgres.Port} user=dapr_state password={statePassword} dbname={StateStoreDatabase} sslmode=disable");

            var redis = await RedisServer.StartAsync(new RedisServerOptions
            {
                Directory = workspace.RedisDirectory,
                Durable = true,
                Detached = true,
                Password = secrets.Generated("redis-password"),
            });
            secrets["redis-host"] = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{redis.Port}");
            return (postgres, redis);
        }
        catch
        {
            await postgres.StopAsync();
            throw;
        }
    }

    public static async Task StopAsync(Workspace workspace)
    {
        await RedisServer.StopExistingAsync(workspace.RedisDirectory);
        await PostgresServer.StopExistingAsync(PostgresDataHome.Resolve(workspace));
    }

    /// <summary>App ids may hold dashes; database and role names here may not.</summary>
    public static string DatabaseName(string appId) => appId.ToLowerInvariant().Replace('-', '_').Replace('.', '_');
}
