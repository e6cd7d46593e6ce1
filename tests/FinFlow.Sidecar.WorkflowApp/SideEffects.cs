using Npgsql;

namespace FinFlow.Sidecar.WorkflowApp;

/// <summary>
/// What activities did, recorded in the test's PostgreSQL: <c>started</c> rows when an activity begins, <c>done</c>
/// rows when its side effect happens. The crash tests compare the done rows with the workflow history.
/// </summary>
public sealed class SideEffects(NpgsqlDataSource dataSource)
{
    private const string Create = """
        CREATE TABLE IF NOT EXISTS wf_test_effects (
          id bigserial PRIMARY KEY, instance_id text NOT NULL, kind text NOT NULL, task_key text NOT NULL, value text, at timestamptz NOT NULL DEFAULT now())
        """;

    private const string Insert = "INSERT INTO wf_test_effects (instance_id, kind, task_key, value) VALUES ($1, $2, $3, $4)";

    private const string CountKind = "SELECT count(*) FROM wf_test_effects WHERE instance_id = $1 AND kind = $2";

    public async Task EnsureTableAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('wf_test_effects'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using (var command = new NpgsqlCommand(Create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task RecordAsync(string instanceId, string kind, string taskKey, string? value)
    {
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        command.Parameters.Add(new NpgsqlParameter { Value = taskKey });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string instanceId, string kind)
    {
        await using var command = dataSource.CreateCommand(CountKind);
        command.Parameters.Add(new NpgsqlParameter { Value = instanceId });
        command.Parameters.Add(new NpgsqlParameter { Value = kind });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
