using Dapr.DurableTask.Protobuf;
using Google.Protobuf;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>Activity results, due timers, start-up recovery and listing.</summary>
public sealed partial class WorkflowStore
{
    /// <summary>Only the first completion of a task moves it to the inbox; a repeat finds no row and is ignored.</summary>
    private const string CompleteActivity = """
        WITH done AS (
          DELETE FROM wf_activities WHERE app_id = $1 AND instance_id = $2 AND execution_id = $3 AND task_id = $4 RETURNING instance_id
        )
        INSERT INTO wf_inbox (app_id, instance_id, execution_id, event) SELECT $1, instance_id, $3, $5 FROM done
        """;

    private const string FireDue = """
        WITH due AS (
          DELETE FROM wf_timers WHERE ctid IN (
            SELECT ctid FROM wf_timers WHERE app_id = $1 AND fire_at <= $2 ORDER BY fire_at LIMIT 500 FOR UPDATE SKIP LOCKED)
          RETURNING instance_id, execution_id, event
        )
        INSERT INTO wf_inbox (app_id, instance_id, execution_id, event) SELECT $1, instance_id, execution_id, event FROM due
        RETURNING instance_id
        """;

    private const string NextTimer = "SELECT min(fire_at), count(*) FROM wf_timers WHERE app_id = $1";

    private const string SelectActivities = "SELECT request FROM wf_activities WHERE app_id = $1";

    private const string SelectInboxInstances = "SELECT DISTINCT instance_id FROM wf_inbox WHERE app_id = $1";

    private const string SelectIds = """
        SELECT instance_id FROM wf_instances WHERE app_id = $1 AND ($2::text IS NULL OR instance_id > $2)
        ORDER BY instance_id LIMIT $3
        """;

    /// <summary>Commits an activity's result exactly once; false for a duplicate or a task of a finished execution.</summary>
    public async Task<bool> CompleteActivityAsync(string instanceId, string executionId, int taskId, HistoryEvent result, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(CompleteActivity)
            .Text(AppId).Text(instanceId).Text(executionId).Int(taskId).Bytes(result.ToByteArray());
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Moves every due timer's event into its instance's inbox; returns the instances to run.</summary>
    public async Task<IReadOnlyList<string>> FireDueTimersAsync(DateTime now, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(FireDue).Text(AppId).Time(now);
        var instances = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) instances.Add(reader.GetString(0));
        return instances;
    }

    public async Task<(DateTime? Next, long Count)> NextTimerAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(NextTimer).Text(AppId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.IsDBNull(0) ? null : reader.GetDateTime(0), reader.GetInt64(1));
    }

    public async Task<IReadOnlyList<ActivityRequest>> PendingActivitiesAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SelectActivities).Text(AppId);
        var requests = new List<ActivityRequest>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) requests.Add(ActivityRequest.Parser.ParseFrom(reader.GetFieldValue<byte[]>(0)));
        return requests;
    }

    public async Task<IReadOnlyList<string>> InstancesWithInboxAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SelectInboxInstances).Text(AppId);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>One page of instance ids in id order; the last id of a full page is the continuation token.</summary>
    public async Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListAsync(string? after, int pageSize, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(SelectIds).Text(AppId).Text(after).Int(pageSize + 1);
        var ids = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        }

        if (ids.Count <= pageSize) return (ids, null);
        ids.RemoveAt(ids.Count - 1);
        return (ids, ids[^1]);
    }
}
