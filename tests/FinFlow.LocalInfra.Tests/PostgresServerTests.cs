using FinFlow.LocalInfra;
using Npgsql;
using Xunit;

namespace FinFlow.LocalInfra.Tests;

public class PostgresServerTests
{
    [Fact]
    public async Task Two_servers_started_in_parallel_do_not_collide()
    {
        var starts = await Task.WhenAll(PostgresServer.StartAsync(), PostgresServer.StartAsync());
        await using var first = starts[0];
        await using var second = starts[1];

        Assert.NotEqual(first.Port, second.Port);
        Assert.NotEqual(first.DataDirectory, second.DataDirectory);
        // The same database and role names in both prove they are separate clusters.
        var inFirst = await first.CreateDatabaseAsync("finflow_same", "finflow_same", "pw-first");
        var inSecond = await second.CreateDatabaseAsync("finflow_same", "finflow_same", "pw-second");
        Assert.Equal(first.Port, await ServerPortAsync(inFirst));
        Assert.Equal(second.Port, await ServerPortAsync(inSecond));
    }

    [Fact]
    public async Task Stop_ends_the_server_and_removes_its_folder()
    {
        var server = await PostgresServer.StartAsync();
        var directory = Path.GetDirectoryName(server.DataDirectory)!;
        var postmasterPid = int.Parse(File.ReadLines(Path.Combine(server.DataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

        await server.StopAsync();

        Assert.False(Directory.Exists(directory));
        Assert.False(ProcessIsRunning(postmasterPid));
        Assert.False(await FreePort.IsAcceptingAsync(server.Port));
    }

    [Fact]
    public async Task A_service_role_reaches_only_its_own_database()
    {
        await using var server = await PostgresServer.StartAsync();
        var payments = await server.CreateDatabaseAsync("finflow_payments", "payments_svc", "pw-payments");
        await server.CreateDatabaseAsync("finflow_accounting", "accounting_svc", "pw-accounting");

        await using (var own = new NpgsqlConnection(payments)) await own.OpenAsync();
        var intoOther = new NpgsqlConnectionStringBuilder(payments) { Database = "finflow_accounting" }.ConnectionString;
        await using var other = new NpgsqlConnection(intoOther);

        var error = await Assert.ThrowsAsync<PostgresException>(() => other.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres", PostgresServer.Superuser, "not-the-password"));

        var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, error.SqlState);
    }

    [Fact]
    public async Task A_kept_cluster_reopens_with_its_data()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"finflow-kept-{Guid.NewGuid():N}");
        try
        {
            string password;
            await using (var first = await PostgresServer.StartAsync(new PostgresServerOptions { Directory = directory, Durable = true }))
            {
                password = first.SuperuserPassword;
                await first.CreateDatabaseAsync("finflow_kept", "kept_svc", "pw-kept");
            }

            await using var second = await PostgresServer.StartAsync(new PostgresServerOptions { Directory = directory, SuperuserPassword = password });
            await using var connection = new NpgsqlConnection(second.ConnectionString("finflow_kept", "kept_svc", "pw-kept"));
            await connection.OpenAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> ServerPortAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('port')::int", connection);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static bool ProcessIsRunning(int pid) =>
        File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);
}
