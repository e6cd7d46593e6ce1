using Dapr.DurableTask.Protobuf;
using Google.Protobuf;
using Npgsql;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>Reads and writes <c>wf_instances</c> rows; the column list is shared by every query that maps a record.</summary>
internal static class InstanceRows
{
    public const string Columns =
        "instance_id, name, execution_id, status, input, output, custom_status, failure, parent, created_at, last_updated_at, completed_at, scheduled_start_at";

    public const string Insert = $"""
        INSERT INTO wf_instances (app_id, {Columns}, parent_instance_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
        ON CONFLICT (app_id, instance_id) DO NOTHING
        """;

    public const string Update = """
        UPDATE wf_instances SET name = $3, execution_id = $4, status = $5, input = $6, output = $7, custom_status = $8,
          failure = $9, last_updated_at = $10, completed_at = $11
        WHERE app_id = $1 AND instance_id = $2
        """;

    public static WorkflowInstanceRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        (OrchestrationStatus)reader.GetInt32(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : TaskFailureDetails.Parser.ParseFrom(reader.GetFieldValue<byte[]>(7)),
        reader.IsDBNull(8) ? null : ParentInstanceInfo.Parser.ParseFrom(reader.GetFieldValue<byte[]>(8)),
        reader.GetDateTime(9),
        reader.GetDateTime(10),
        reader.IsDBNull(11) ? null : reader.GetDateTime(11),
        reader.IsDBNull(12) ? null : reader.GetDateTime(12));

    public static NpgsqlCommand ForInsert(NpgsqlCommand command, string appId, WorkflowInstanceRecord r) => command
        .Text(appId).Text(r.InstanceId).Text(r.Name).Text(r.ExecutionId).Int((int)r.Status).Text(r.Input).Text(r.Output)
        .Text(r.CustomStatus).Bytes(r.Failure?.ToByteArray()).Bytes(r.Parent?.ToByteArray())
        .Time(r.CreatedAt).Time(r.LastUpdatedAt).Time(r.CompletedAt).Time(r.ScheduledStartAt)
        .Text(r.Parent?.WorkflowInstance?.InstanceId);

    public static NpgsqlCommand ForUpdate(NpgsqlCommand command, string appId, WorkflowInstanceRecord r) => command
        .Text(appId).Text(r.InstanceId).Text(r.Name).Text(r.ExecutionId).Int((int)r.Status).Text(r.Input).Text(r.Output)
        .Text(r.CustomStatus).Bytes(r.Failure?.ToByteArray()).Time(r.LastUpdatedAt).Time(r.CompletedAt);
}
