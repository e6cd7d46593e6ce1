using Npgsql;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>
/// The engine's own tables in the actor state store's database. Every row is keyed by app id and instance id,
/// so several sidecars can share one database; history and inbox hold protobuf <c>HistoryEvent</c> bytes.
/// </summary>
public static class WorkflowSchema
{
    private const string Create = """
        SELECT pg_advisory_xact_lock(hashtext('finflow-sidecar-workflow-schema'));
        CREATE TABLE IF NOT EXISTS wf_instances (
          app_id text NOT NULL,
          instance_id text NOT NULL,
          name text NOT NULL,
          execution_id text NOT NULL,
          status int NOT NULL,
          input text,
          output text,
          custom_status text,
          failure bytea,
          parent bytea,
          parent_instance_id text,
          created_at timestamptz NOT NULL,
          last_updated_at timestamptz NOT NULL,
          completed_at timestamptz,
          scheduled_start_at timestamptz,
          PRIMARY KEY (app_id, instance_id)
        );
        CREATE INDEX IF NOT EXISTS wf_instances_parent ON wf_instances (app_id, parent_instance_id) WHERE parent_instance_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS wf_history (
          app_id text NOT NULL,
          instance_id text NOT NULL,
          seq int NOT NULL,
          event bytea NOT NULL,
          PRIMARY KEY (app_id, instance_id, seq)
        );
        CREATE TABLE IF NOT EXISTS wf_inbox (
          id bigserial PRIMARY KEY,
          app_id text NOT NULL,
          instance_id text NOT NULL,
          execution_id text,
          event bytea NOT NULL
        );
        CREATE INDEX IF NOT EXISTS wf_inbox_instance ON wf_inbox (app_id, instance_id, id);
        CREATE TABLE IF NOT EXISTS wf_activities (
          app_id text NOT NULL,
          instance_id text NOT NULL,
          execution_id text NOT NULL,
          task_id int NOT NULL,
          request bytea NOT NULL,
          PRIMARY KEY (app_id, instance_id, execution_id, task_id)
        );
        CREATE TABLE IF NOT EXISTS wf_timers (
          app_id text NOT NULL,
          instance_id text NOT NULL,
          execution_id text NOT NULL,
          timer_id int NOT NULL,
          fire_at timestamptz NOT NULL,
          event bytea NOT NULL,
          PRIMARY KEY (app_id, instance_id, execution_id, timer_id)
        );
        CREATE INDEX IF NOT EXISTS wf_timers_due ON wf_timers (app_id, fire_at);
        """;

    /// <summary>Creates the tables idempotently; the advisory lock keeps concurrent sidecars from racing on CREATE.</summary>
    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(Create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }
}
