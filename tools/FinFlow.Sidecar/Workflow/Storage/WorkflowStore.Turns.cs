using Dapr.DurableTask.Protobuf;
using Google.Protobuf;
using Npgsql;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>The turn commit and purge: the multi-table writes of the store.</summary>
public sealed partial class WorkflowStore
{
    private const string LockInstance = "SELECT execution_id FROM wf_instances WHERE app_id = $1 AND instance_id = $2 FOR UPDATE";

    private const string CountHistory = "SELECT count(*) FROM wf_history WHERE app_id = $1 AND instance_id = $2";

    private const string DropHistory = "DELETE FROM wf_history WHERE app_id = $1 AND instance_id = $2";

    private const string DropActivities = "DELETE FROM wf_activities WHERE app_id = $1 AND instance_id = $2";

    private const string DropTimers = "DELETE FROM wf_timers WHERE app_id = $1 AND instance_id = $2";

    private const string AppendHistory = """
        INSERT INTO wf_history (app_id, instance_id, seq, event)
        SELECT $1, $2, (SELECT coalesce(max(seq) + 1, 0) FROM wf_history WHERE app_id = $1 AND instance_id = $2) + ord - 1, e
        FROM unnest($3::bytea[]) WITH ORDINALITY AS t(e, ord)
        """;

    private const string DeleteInbox = "DELETE FROM wf_inbox WHERE app_id = $1 AND id = ANY($2)";

    private const string InsertActivities = """
        INSERT INTO wf_activities (app_id, instance_id, execution_id, task_id, request)
        SELECT $1, $2, $3, t, r FROM unnest($4::int[], $5::bytea[]) AS a(t, r)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertTimers = """
        INSERT INTO wf_timers (app_id, instance_id, execution_id, timer_id, fire_at, event)
        SELECT $1, i, x, t, f, e FROM unnest($2::text[], $3::text[], $4::int[], $5::timestamptz[], $6::bytea[]) AS a(i, x, t, f, e)
        ON CONFLICT DO NOTHING
        """;

    private const string InsertMessages = """
        INSERT INTO wf_inbox (app_id, instance_id, execution_id, event)
        SELECT $1, m.i, m.x, m.e FROM unnest($2::text[], $3::text[], $4::bytea[]) WITH ORDINALITY AS m(i, x, e, ord)
        WHERE EXISTS (SELECT 1 FROM wf_instances w WHERE w.app_id = $1 AND w.instance_id = m.i)
        ORDER BY m.ord
        """;

    private const string SelectTree = $"""
        WITH RECURSIVE tree AS (
          SELECT instance_id FROM wf_instances WHERE app_id = $1 AND instance_id = $2
          UNION
          SELECT c.instance_id FROM wf_instances c JOIN tree t ON c.app_id = $1 AND c.parent_instance_id = t.instance_id
        )
        SELECT {InstanceRows.Columns} FROM wf_instances WHERE app_id = $1 AND instance_id IN (SELECT instance_id FROM tree)
        """;

    /// <summary>
    /// Writes a turn's result in one transaction; throws when the instance moved on (stale turn) so nothing is written.
    /// The checks go in one round trip and all writes in another (NpgsqlBatch): a turn is on the hot path of every workflow.
    /// </summary>
    public async Task CommitTurnAsync(TurnCommit commit, CancellationToken ct)
    {
        var instanceId = commit.Before.InstanceId;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await CheckUnchangedAsync(connection, transaction, commit, ct);

        // Children first: each needs a read (is the id free?) and may add a message for this instance.
        foreach (var child in commit.NewInstances) await CreateChildAsync(connection, transaction, commit, child, ct);

        await using var writes = new NpgsqlBatch(connection, transaction);
        void Add(string sql, Func<NpgsqlCommand, NpgsqlCommand> bind) => writes.BatchCommands.Add(ToBatchCommand(bind(new NpgsqlCommand(sql))));
        if (commit.ResetHistory) Add(DropHistory, c => c.Text(AppId).Text(instanceId));
        if (commit.DropOpenWork)
        {
            Add(DropActivities, c => c.Text(AppId).Text(instanceId));
            Add(DropTimers, c => c.Text(AppId).Text(instanceId));
        }

        if (commit.Append.Count > 0) Add(AppendHistory, c => c.Text(AppId).Text(instanceId).BytesArray(commit.Append.Select(e => e.ToByteArray())));
        if (commit.ConsumedInbox.Count > 0) Add(DeleteInbox, c => c.Text(AppId).Longs(commit.ConsumedInbox));
        if (commit.Activities.Count > 0)
        {
            Add(InsertActivities, c => c.Text(AppId).Text(instanceId).Text(commit.After.ExecutionId)
                .Ints(commit.Activities.Select(a => a.TaskId)).BytesArray(commit.Activities.Select(a => a.ToByteArray())));
        }

        if (commit.Timers.Count > 0) Add(InsertTimers, c => BindTimers(c, commit.Timers));
        if (commit.Messages.Count > 0) Add(InsertMessages, c => BindMessages(c, commit.Messages));
        Add(InstanceRows.Update, c => InstanceRows.ForUpdate(c, AppId, commit.After));
        await writes.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Locks the instance row, then counts its history: two statements (so the count's snapshot is taken after the lock
    /// is held) in one round trip. Optimistic concurrency on top of the lock: a second writer (a sidecar thought dead) loses.
    /// </summary>
    private async Task CheckUnchangedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TurnCommit commit, CancellationToken ct)
    {
        var instanceId = commit.Before.InstanceId;
        await using var checks = new NpgsqlBatch(connection, transaction);
        checks.BatchCommands.Add(ToBatchCommand(new NpgsqlCommand(LockInstance).Text(AppId).Text(instanceId)));
        checks.BatchCommands.Add(ToBatchCommand(new NpgsqlCommand(CountHistory).Text(AppId).Text(instanceId)));
        await using var reader = await checks.ExecuteReaderAsync(ct);
        var current = await reader.ReadAsync(ct) ? reader.GetString(0) : null;
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        var length = reader.GetInt64(0);
        if (current != commit.Before.ExecutionId)
        {
            throw new InvalidOperationException($"Workflow instance {instanceId} changed during its turn (execution {current ?? "gone"}).");
        }

        if (length != commit.HistoryLength)
        {
            throw new InvalidOperationException($"Workflow instance {instanceId} has {length} history events, the turn replayed {commit.HistoryLength}.");
        }
    }

    private static NpgsqlBatchCommand ToBatchCommand(NpgsqlCommand command)
    {
        using (command)
        {
            var batchCommand = new NpgsqlBatchCommand(command.CommandText);
            foreach (NpgsqlParameter parameter in command.Parameters) batchCommand.Parameters.Add(parameter.Clone());
            return batchCommand;
        }
    }

    /// <summary>
    /// A child id that names a finished instance replaces it (as a start does); one that names a running instance is
    /// refused, and the parent learns so through a childWorkflowInstanceFailed instead of waiting forever.
    /// </summary>
    private async Task CreateChildAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, TurnCommit commit, WorkflowInstanceRecord child, CancellationToken ct)
    {
        WorkflowInstanceRecord? current = null;
        await using (var existing = new NpgsqlCommand(SelectInstance + " FOR UPDATE", connection, transaction).Text(AppId).Text(child.InstanceId))
        await using (var reader = await existing.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct)) current = InstanceRows.Read(reader);
        }

        if (current is { IsFinished: false })
        {
            if (child.Parent is not { } parent) return;
            var failure = new TaskFailureDetails
            {
                ErrorType = "WorkflowAlreadyExists",
                ErrorMessage = $"an active workflow with ID '{child.InstanceId}' already exists",
                IsNonRetriable = true,
            };
            commit.Messages.Add(new InboxMessage(0, commit.Before.InstanceId, commit.After.ExecutionId,
                Engine.WorkflowEvents.ChildEnded(parent.TaskScheduledId, OrchestrationStatus.Failed, null, failure, DateTime.UtcNow)));
            return;
        }

        if (current is not null) await ForgetAsync(connection, transaction, child.InstanceId, ct);
        await using var insert = InstanceRows.ForInsert(new NpgsqlCommand(InstanceRows.Insert, connection, transaction), AppId, child);
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The instance and, transitively, its child instances (empty when it does not exist).</summary>
    public async Task<IReadOnlyList<WorkflowInstanceRecord>> TreeAsync(string instanceId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SelectTree).Text(AppId).Text(instanceId);
        var tree = new List<WorkflowInstanceRecord>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tree.Add(InstanceRows.Read(reader));
        return tree;
    }

    /// <summary>Deletes every row of the given instances in one transaction; returns how many instances were deleted.</summary>
    public async Task<int> DeleteAsync(IReadOnlyList<string> instanceIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var deleted = 0;
        foreach (var id in instanceIds)
        {
            if (await ForgetAsync(connection, transaction, id, ct)) deleted++;
        }

        await transaction.CommitAsync(ct);
        return deleted;
    }

    private NpgsqlCommand BindTimers(NpgsqlCommand command, List<ScheduledTimer> timers) => command.Text(AppId)
        .Texts(timers.Select(t => t.InstanceId)).Texts(timers.Select(t => t.ExecutionId)).Ints(timers.Select(t => t.TimerId))
        .Times(timers.Select(t => t.FireAt)).BytesArray(timers.Select(t => t.Event.ToByteArray()));

    private NpgsqlCommand BindMessages(NpgsqlCommand command, List<InboxMessage> messages) => command.Text(AppId)
        .Texts(messages.Select(m => m.InstanceId)).Texts(messages.Select(m => m.ExecutionId))
        .BytesArray(messages.Select(m => m.Event.ToByteArray()));

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, Func<NpgsqlCommand, NpgsqlCommand> bind, CancellationToken ct)
    {
        await using var command = bind(new NpgsqlCommand(sql, connection, transaction));
        await command.ExecuteNonQueryAsync(ct);
    }
}
