using Dapr.DurableTask.Protobuf;
using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>
/// The engine's PostgreSQL access for one app id: instance rows, inbox, activities and timers. Every write that
/// moves work between tables (activity result → inbox, due timer → inbox) is a single statement or transaction,
/// so a crash leaves each item either where it was or where it went, never in both or neither.
/// </summary>
public sealed partial class WorkflowStore(NpgsqlDataSource dataSource, string appId)
{
    private const string SelectInstance = $"SELECT {InstanceRows.Columns} FROM wf_instances WHERE app_id = $1 AND instance_id = $2";

    private const string SelectHistory = "SELECT event FROM wf_history WHERE app_id = $1 AND instance_id = $2 ORDER BY seq";

    private const string SelectInbox = "SELECT id, execution_id, event FROM wf_inbox WHERE app_id = $1 AND instance_id = $2 ORDER BY id";

    private const string InsertInbox = """
        INSERT INTO wf_inbox (app_id, instance_id, execution_id, event)
        SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM wf_instances WHERE app_id = $1 AND instance_id = $2)
        """;

    /// <summary>Separate statements: positional parameters allow one statement per command. The instance row goes last.</summary>
    private static readonly string[] ForgetInstance =
    [
        "DELETE FROM wf_history WHERE app_id = $1 AND instance_id = $2",
        "DELETE FROM wf_inbox WHERE app_id = $1 AND instance_id = $2",
        "DELETE FROM wf_activities WHERE app_id = $1 AND instance_id = $2",
        "DELETE FROM wf_timers WHERE app_id = $1 AND instance_id = $2",
        "DELETE FROM wf_instances WHERE app_id = $1 AND instance_id = $2",
    ];

    public string AppId { get; } = appId;

    public NpgsqlDataSource DataSource => dataSource;

    public async Task<WorkflowInstanceRecord?> GetAsync(string instanceId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SelectInstance).Text(AppId).Text(instanceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? InstanceRows.Read(reader) : null;
    }

    /// <summary>The instance, its history and its inbox, read in one round trip (every turn starts here).</summary>
    public async Task<TurnInput?> LoadTurnAsync(string instanceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var sql in (string[])[SelectInstance, SelectHistory, SelectInbox])
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = AppId, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = instanceId, NpgsqlDbType = NpgsqlDbType.Text });
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var instance = InstanceRows.Read(reader);
        await reader.NextResultAsync(ct);
        var history = new List<HistoryEvent>();
        while (await reader.ReadAsync(ct)) history.Add(HistoryEvent.Parser.ParseFrom(reader.GetFieldValue<byte[]>(0)));
        await reader.NextResultAsync(ct);
        var inbox = new List<InboxMessage>();
        while (await reader.ReadAsync(ct))
        {
            inbox.Add(new InboxMessage(
                reader.GetInt64(0), instanceId, reader.IsDBNull(1) ? null : reader.GetString(1),
                HistoryEvent.Parser.ParseFrom(reader.GetFieldValue<byte[]>(2))));
        }

        return new TurnInput(instance, history, inbox);
    }

    public async Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadEventsAsync(connection, instanceId, ct);
    }

    /// <summary>
    /// Creates an instance with its start message (or its start timer). A finished instance with the same id is
    /// replaced; a live one is kept and false returned.
    /// </summary>
    public async Task<bool> CreateAsync(WorkflowInstanceRecord record, HistoryEvent start, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        // FOR UPDATE cannot lock a row that does not exist yet; the advisory lock serialises two starts of one new id.
        await using (var lockId = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1 || '/' || $2))", connection, transaction).Text(AppId).Text(record.InstanceId))
        {
            await lockId.ExecuteNonQueryAsync(ct);
        }

        await using (var existing = new NpgsqlCommand(SelectInstance + " FOR UPDATE", connection, transaction).Text(AppId).Text(record.InstanceId))
        await using (var reader = await existing.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct) && !InstanceRows.Read(reader).IsFinished) return false;
        }

        await ForgetAsync(connection, transaction, record.InstanceId, ct);

        await using (var insert = InstanceRows.ForInsert(new NpgsqlCommand(InstanceRows.Insert, connection, transaction), AppId, record))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        if (record.ScheduledStartAt is { } startAt && startAt > DateTime.UtcNow)
        {
            await ExecuteAsync(connection, transaction, InsertTimers, c => BindTimers(c, [new ScheduledTimer(record.InstanceId, record.ExecutionId, -1, startAt, start)]), ct);
        }
        else
        {
            await ExecuteAsync(connection, transaction, InsertMessages, c => BindMessages(c, [new InboxMessage(0, record.InstanceId, record.ExecutionId, start)]), ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>Queues a control or external event for an existing instance; false when there is no such instance.</summary>
    public async Task<bool> EnqueueAsync(string instanceId, HistoryEvent message, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(InsertInbox).Text(AppId).Text(instanceId).Text(null).Bytes(message.ToByteArray());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Deletes every row of one instance; true when its instance row existed.</summary>
    private async Task<bool> ForgetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string instanceId, CancellationToken ct)
    {
        var affected = 0;
        foreach (var sql in ForgetInstance)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction).Text(AppId).Text(instanceId);
            affected = await command.ExecuteNonQueryAsync(ct);
        }

        return affected > 0;
    }

    private async Task<List<HistoryEvent>> ReadEventsAsync(NpgsqlConnection connection, string instanceId, CancellationToken ct)
    {
        var history = new List<HistoryEvent>();
        await using var command = new NpgsqlCommand(SelectHistory, connection).Text(AppId).Text(instanceId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) history.Add(HistoryEvent.Parser.ParseFrom(reader.GetFieldValue<byte[]>(0)));
        return history;
    }
}
