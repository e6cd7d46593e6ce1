using Npgsql;

namespace FinFlow.LocalInfra;

/// <summary>Creates per-service databases whose login role can reach only its own database.</summary>
public static class PostgresProvisioning
{
    /// <summary>Creates (if missing) a login role and a database it owns; returns that role's connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(
        this PostgresServer server, string database, string role, string password, CancellationToken ct = default)
    {
        ValidateIdentifier(database);
        ValidateIdentifier(role);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync(ct);

        // Identifiers cannot be bound as parameters; they are validated above, and the password
        // travels as a literal built by PostgreSQL's own quote_literal through format().
        await ExecuteAsync(connection, $"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                EXECUTE format('CREATE ROLE "{role}" LOGIN PASSWORD %L', current_setting('finflow.pw'));
              ELSE
                EXECUTE format('ALTER ROLE "{role}" LOGIN PASSWORD %L', current_setting('finflow.pw'));
              END IF;
            END $$;
            """, password, ct);

        if (!await DatabaseExistsAsync(connection, database, ct))
        {
            await ExecuteAsync(connection, $"CREATE DATABASE \"{database}\" OWNER \"{role}\"", null, ct);
        }

        await ExecuteAsync(connection, $"REVOKE CONNECT, TEMPORARY ON DATABASE \"{database}\" FROM PUBLIC", null, ct);
        await ExecuteAsync(connection, $"GRANT CONNECT ON DATABASE \"{database}\" TO \"{role}\"", null, ct);
        return server.ConnectionString(database, role, password);
    }

    /// <summary>A database owned by the superuser, for tests that just need an empty database.</summary>
    public static async Task<string> CreateScratchDatabaseAsync(this PostgresServer server, string prefix = "test", CancellationToken ct = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];
        ValidateIdentifier(name);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync(ct);
        await ExecuteAsync(connection, $"CREATE DATABASE \"{name}\"", null, ct);
        return server.ConnectionString(name, PostgresServer.Superuser, server.SuperuserPassword);
    }

    private static async Task<bool> DatabaseExistsAsync(NpgsqlConnection connection, string database, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string? password, CancellationToken ct)
    {
        if (password is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('finflow.pw', $1, false)", connection);
            set.Parameters.Add(new NpgsqlParameter { Value = password });
            await set.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
        if (password is not null)
        {
            await using var reset = new NpgsqlCommand("SELECT set_config('finflow.pw', '', false)", connection);
            await reset.ExecuteNonQueryAsync(ct);
        }
    }

    private static void ValidateIdentifier(string name)
    {
        if (name.Length is 0 or > 63 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a valid name: use 1-63 lowercase letters, digits or underscores.", nameof(name));
        }
    }
}
