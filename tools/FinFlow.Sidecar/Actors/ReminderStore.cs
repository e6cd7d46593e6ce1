using Npgsql;
using NpgsqlTypes;

namespace FinFlow.Sidecar.Actors;

/// <summary>Durable reminders of one app in PostgreSQL (<see cref="ReminderSql"/>); survives sidecar restarts.</summary>
public sealed class ReminderStore(NpgsqlDataSource database, string appId)
{
    public async Task EnsureSchemaAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var command = new NpgsqlCommand(ReminderSql.CreateSchema, connection, transaction)) await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        await using var release = database.CreateCommand(ReminderSql.ReleaseLeases);
        release.Parameters.Add(new NpgsqlParameter { Value = appId });
        await release.ExecuteNonQueryAsync(ct);
    }

    /// <summary>False when the reminder exists and <paramref name="overwrite"/> is off.</summary>
    public async Task<bool> SaveAsync(StoredReminder reminder, bool overwrite, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.Upsert);
        AddKey(command, reminder.ActorType, reminder.ActorId, reminder.Name);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)reminder.Data ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(Text(reminder.DueTime));
        command.Parameters.Add(Text(reminder.Period));
        command.Parameters.Add(Text(reminder.Ttl));
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.Interval is { } i ? (long)i.TotalMilliseconds : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)reminder.Remaining ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)reminder.ExpiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.NextDue, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.Generation });
        command.Parameters.Add(new NpgsqlParameter { Value = overwrite });
        return await command.ExecuteScalarAsync(ct) is not null;
    }

    public async Task<StoredReminder?> GetAsync(string actorType, string actorId, string name, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.Get);
        AddKey(command, actorType, actorId, name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    public async Task DeleteAsync(string actorType, string actorId, string name, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.Delete);
        AddKey(command, actorType, actorId, name);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The reminders of a type, or of one actor when <paramref name="actorId"/> is given.</summary>
    public async Task<IReadOnlyList<StoredReminder>> ListAsync(string actorType, string? actorId, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.List);
        AddActor(command, actorType, actorId);
        var found = new List<StoredReminder>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(Read(reader));
        return found;
    }

    public async Task DeleteAllAsync(string actorType, string? actorId, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.DeleteByActor);
        AddActor(command, actorType, actorId);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<StoredReminder>> ClaimDueAsync(string[] actorTypes, int batch, TimeSpan lease, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.Claim);
        command.Parameters.Add(new NpgsqlParameter { Value = appId });
        command.Parameters.Add(new NpgsqlParameter { Value = actorTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = batch });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)lease.TotalMilliseconds });
        var claimed = new List<StoredReminder>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) claimed.Add(Read(reader));
        return claimed;
    }

    /// <summary>Moves to the next tick, or deletes the row when <paramref name="next"/> is null; a re-registered row is left alone.</summary>
    public async Task AdvanceAsync(StoredReminder reminder, (DateTimeOffset Next, int? Remaining)? next, CancellationToken ct)
    {
        await using var command = database.CreateCommand(next is null ? ReminderSql.Finish : ReminderSql.Advance);
        AddKey(command, reminder.ActorType, reminder.ActorId, reminder.Name);
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.Generation });
        if (next is { } value)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value.Next, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)value.Remaining ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task RetryLaterAsync(StoredReminder reminder, int attempts, TimeSpan delay, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.RetryLater);
        AddKey(command, reminder.ActorType, reminder.ActorId, reminder.Name);
        command.Parameters.Add(new NpgsqlParameter { Value = reminder.Generation });
        command.Parameters.Add(new NpgsqlParameter { Value = attempts });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)delay.TotalMilliseconds });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<DateTimeOffset?> NextWakeAsync(string[] actorTypes, CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.NextWake);
        command.Parameters.Add(new NpgsqlParameter { Value = appId });
        command.Parameters.Add(new NpgsqlParameter { Value = actorTypes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        return await command.ExecuteScalarAsync(ct) is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    public async Task<Dictionary<string, long>> CountByTypeAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand(ReminderSql.CountByType);
        command.Parameters.Add(new NpgsqlParameter { Value = appId });
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }

    private void AddKey(NpgsqlCommand command, string actorType, string actorId, string name)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = appId });
        command.Parameters.Add(new NpgsqlParameter { Value = actorType });
        command.Parameters.Add(new NpgsqlParameter { Value = actorId });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
    }

    private void AddActor(NpgsqlCommand command, string actorType, string? actorId)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = appId });
        command.Parameters.Add(new NpgsqlParameter { Value = actorType });
        command.Parameters.Add(Text(actorId));
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static StoredReminder Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.IsDBNull(7) ? null : TimeSpan.FromMilliseconds(reader.GetInt64(7)),
        reader.IsDBNull(8) ? null : reader.GetInt32(8),
        reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9),
        reader.GetFieldValue<DateTimeOffset>(10),
        reader.GetInt32(11),
        reader.GetGuid(12));
}
