namespace FinFlow.Sidecar.Actors;

/// <summary>
/// SQL of the durable reminder table <c>act_reminders</c> in the actor state store's database. A claimed row
/// carries a lease (<c>lease_until</c>) so no reminder fires twice at once; the lease doubles as the retry delay.
/// </summary>
public static class ReminderSql
{
    public const string CreateSchema = """
        SELECT pg_advisory_xact_lock(hashtext('finflow-sidecar-act-reminders'));
        CREATE TABLE IF NOT EXISTS act_reminders (
          app_id text NOT NULL,
          actor_type text NOT NULL,
          actor_id text NOT NULL,
          name text NOT NULL,
          data bytea,
          due_time text,
          period text,
          ttl text,
          interval_ms bigint,
          remaining integer,
          expires_at timestamptz,
          next_due timestamptz NOT NULL,
          failed_attempts integer NOT NULL DEFAULT 0,
          lease_until timestamptz,
          generation uuid NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (app_id, actor_type, actor_id, name)
        );
        CREATE INDEX IF NOT EXISTS act_reminders_due_idx ON act_reminders (app_id, next_due);
        """;

    private const string Columns = "actor_type, actor_id, name, data, due_time, period, ttl, interval_ms, remaining, expires_at, next_due, failed_attempts, generation";

    /// <summary>$1 app … $13 generation, $14 overwrite; returns a row only when written (an existing row with overwrite off is kept).</summary>
    public const string Upsert = """
        INSERT INTO act_reminders (app_id, actor_type, actor_id, name, data, due_time, period, ttl, interval_ms, remaining, expires_at, next_due, generation)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT (app_id, actor_type, actor_id, name) DO UPDATE SET
          data = excluded.data, due_time = excluded.due_time, period = excluded.period, ttl = excluded.ttl,
          interval_ms = excluded.interval_ms, remaining = excluded.remaining, expires_at = excluded.expires_at,
          next_due = excluded.next_due, generation = excluded.generation, failed_attempts = 0, lease_until = NULL
        WHERE $14
        RETURNING 1
        """;

    public const string Get = $"SELECT {Columns} FROM act_reminders WHERE app_id = $1 AND actor_type = $2 AND actor_id = $3 AND name = $4";

    /// <summary>$1 app, $2 type, $3 id or NULL for every id of the type.</summary>
    public const string List = $"SELECT {Columns} FROM act_reminders WHERE app_id = $1 AND actor_type = $2 AND ($3::text IS NULL OR actor_id = $3) ORDER BY actor_id, name";

    public const string DeleteByActor = "DELETE FROM act_reminders WHERE app_id = $1 AND actor_type = $2 AND ($3::text IS NULL OR actor_id = $3)";

    public const string Delete = "DELETE FROM act_reminders WHERE app_id = $1 AND actor_type = $2 AND actor_id = $3 AND name = $4";

    /// <summary>$1 app, $2 hosted types, $3 batch size, $4 lease in ms.</summary>
    public const string Claim = $"""
        WITH due AS (
          SELECT app_id, actor_type, actor_id, name FROM act_reminders
          WHERE app_id = $1 AND actor_type = ANY($2) AND next_due <= now() AND (lease_until IS NULL OR lease_until <= now())
          ORDER BY next_due LIMIT $3 FOR UPDATE SKIP LOCKED)
        UPDATE act_reminders r SET lease_until = now() + $4 * interval '1 millisecond'
        FROM due WHERE r.app_id = due.app_id AND r.actor_type = due.actor_type AND r.actor_id = due.actor_id AND r.name = due.name
        RETURNING r.actor_type, r.actor_id, r.name, r.data, r.due_time, r.period, r.ttl, r.interval_ms, r.remaining, r.expires_at,
          r.next_due, r.failed_attempts, r.generation
        """;

    /// <summary>$1 app … $4 name, $5 generation, $6 next due, $7 remaining.</summary>
    public const string Advance = """
        UPDATE act_reminders SET next_due = $6, remaining = $7, failed_attempts = 0, lease_until = NULL
        WHERE app_id = $1 AND actor_type = $2 AND actor_id = $3 AND name = $4 AND generation = $5
        """;

    public const string Finish = "DELETE FROM act_reminders WHERE app_id = $1 AND actor_type = $2 AND actor_id = $3 AND name = $4 AND generation = $5";

    /// <summary>$6 attempts so far, $7 retry delay in ms: the lease keeps the row back until the retry.</summary>
    public const string RetryLater = """
        UPDATE act_reminders SET failed_attempts = $6, lease_until = now() + $7 * interval '1 millisecond'
        WHERE app_id = $1 AND actor_type = $2 AND actor_id = $3 AND name = $4 AND generation = $5
        """;

    /// <summary>When the next claimable row becomes due (null when none), for the scheduler's sleep.</summary>
    public const string NextWake = """
        SELECT min(GREATEST(next_due, COALESCE(lease_until, next_due))) FROM act_reminders WHERE app_id = $1 AND actor_type = ANY($2)
        """;

    public const string CountByType = "SELECT actor_type, count(*) FROM act_reminders WHERE app_id = $1 GROUP BY actor_type";

    /// <summary>One sidecar per app id: leases left by a crashed predecessor are void on start.</summary>
    public const string ReleaseLeases = "UPDATE act_reminders SET lease_until = NULL WHERE app_id = $1 AND lease_until IS NOT NULL";
}
