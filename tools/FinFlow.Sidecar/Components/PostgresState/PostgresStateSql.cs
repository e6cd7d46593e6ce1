namespace FinFlow.Sidecar.Components.PostgresState;

/// <summary>
/// The SQL of the components-contrib v2 table (<c>key text PK, value bytea, etag uuid, created_at,
/// updated_at, expires_at</c>), so the table stays interchangeable with daprd's. <c>$ttl</c> parameters are
/// seconds or NULL for no expiry; an expired row counts as missing everywhere.
/// </summary>
public sealed class PostgresStateSql(string table)
{
    private const string Live = "(expires_at IS NULL OR expires_at > now())";

    public string CreateSchema { get; } = $"""
        CREATE TABLE IF NOT EXISTS {table} (
          key text NOT NULL PRIMARY KEY,
          value bytea NOT NULL,
          etag uuid NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now(),
          updated_at timestamptz,
          expires_at timestamptz
        );
        CREATE INDEX IF NOT EXISTS {IndexName(table)} ON {table} (expires_at);
        """;

    public string Get { get; } = $"SELECT value, etag, expires_at FROM {table} WHERE key = $1 AND {Live}";

    public string BulkGet { get; } = $"SELECT key, value, etag, expires_at FROM {table} WHERE key = ANY($1) AND {Live}";

    public string Upsert { get; } = $"""
        INSERT INTO {table} (key, value, etag, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 second')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = now(), expires_at = excluded.expires_at
        """;

    /// <summary>First-write without an ETag: only an absent or expired row may be replaced.</summary>
    public string InsertOnly { get; } = $"""
        INSERT INTO {table} (key, value, etag, expires_at) VALUES ($1, $2, $3, now() + $4 * interval '1 second')
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, updated_at = now(), expires_at = excluded.expires_at
        WHERE {table}.expires_at IS NOT NULL AND {table}.expires_at <= now()
        """;

    public string UpdateIfETag { get; } = $"""
        UPDATE {table} SET value = $2, etag = $3, updated_at = now(), expires_at = now() + $4 * interval '1 second'
        WHERE key = $1 AND etag = $5 AND {Live}
        """;

    public string Delete { get; } = $"DELETE FROM {table} WHERE key = $1";

    public string DeleteIfETag { get; } = $"DELETE FROM {table} WHERE key = $1 AND etag = $2 AND {Live}";

    public string Cleanup { get; } = $"DELETE FROM {table} WHERE expires_at IS NOT NULL AND expires_at <= now()";

    private static string IndexName(string table) => $"{table.Replace('.', '_')}_expires_at_idx".TrimStart('_');
}
