using FinFlow.Testing;
using FinFlow.Sidecar.Tests.Infrastructure;
using Npgsql;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>
/// The state checklist (gRPC and HTTP) on <c>state.postgresql</c> v2 against a real PostgreSQL, plus what
/// only a database can show: the v2 table layout, key prefixes, the TTL sweep, and durability across a crash.
/// </summary>
public sealed class PostgresStateTests(PostgresStateFixture fixture)
    : StateHttpTests<PostgresStateFixture>(fixture), IClassFixture<PostgresStateFixture>
{
    [Fact]
    public async Task The_table_has_the_v2_schema_and_keys_carry_the_app_id_prefix()
    {
        var key = NewKey("layout");
        await Client.SaveStateAsync(Store, key, "raw");
        await using var connection = await OpenAsync();
        var columns = new Dictionary<string, string>();
        await using (var command = new NpgsqlCommand("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'state'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) columns[reader.GetString(0)] = reader.GetString(1);
        }

        Assert.Equal("text", columns["key"]);
        Assert.Equal("bytea", columns["value"]);
        Assert.Equal("uuid", columns["etag"]);
        Assert.Equal("timestamp with time zone", columns["expires_at"]);
        Assert.Contains("created_at", columns.Keys);
        Assert.Contains("updated_at", columns.Keys);

        await using var row = new NpgsqlCommand("SELECT convert_from(value, 'UTF8') FROM state WHERE key = $1", connection);
        row.Parameters.Add(new NpgsqlParameter { Value = $"{StateSidecarFixture.AppId}||{key}" });
        Assert.Equal("\"raw\"", await row.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_literal_key_prefix_with_a_template_and_a_table_prefix_are_honoured()
    {
        var key = NewKey("shared");
        await Client.SaveStateAsync("sharedstore", key, 5);
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM shared_state WHERE key = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = $"{StateSidecarFixture.AppId}-shared||{key}" });
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Expired_rows_are_removed_from_the_table_by_the_cleanup()
    {
        var key = NewKey("sweep");
        await Client.SaveStateAsync(Store, key, "x", metadata: Ttl("1"));
        await using var connection = await OpenAsync();
        await EventuallyAsync(async () =>
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM state WHERE key = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = $"{StateSidecarFixture.AppId}||{key}" });
            return (long)(await command.ExecuteScalarAsync())! == 0;
        }, TimeSpan.FromSeconds(15), "cleanupInterval 1s must delete the expired row");
    }

    [Fact]
    public async Task A_killed_and_restarted_sidecar_loses_no_acknowledged_write()
    {
        const string appId = "crashapp";
        var keys = Enumerable.Range(0, 50).Select(i => $"ack-{i}").ToList();
        var acknowledged = new List<string>();
        await using (var first = await SidecarProcess.StartAsync(Fixture.Launch(appId)))
        {
            using var client = first.CreateClient();
            foreach (var key in keys)
            {
                await client.SaveStateAsync(Store, key, $"value-{key}");
                acknowledged.Add(key);
            }

            // A write in flight when the process dies may or may not land; every acknowledged one must.
            var inFlight = client.SaveStateAsync(Store, "in-flight", "maybe");
            await first.KillAsync();
            await Record.ExceptionAsync(() => inFlight);
        }

        await using var second = await SidecarProcess.StartAsync(Fixture.Launch(appId));
        using var reader = second.CreateClient();
        var items = await reader.GetBulkStateAsync<string>(Store, acknowledged, parallelism: 4);
        Assert.All(items, item => Assert.Equal($"value-{item.Key}", item.Value));
        Assert.Equal(acknowledged.Count, items.Count);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Fixture.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
