using Npgsql;
using NpgsqlTypes;

namespace FinFlow.Sidecar.Workflow.Storage;

/// <summary>Positional parameters with explicit types, so NULLs and arrays reach PostgreSQL typed.</summary>
internal static class SqlParameters
{
    public static NpgsqlCommand With(this NpgsqlCommand command, object? value, NpgsqlDbType type)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        return command;
    }

    public static NpgsqlCommand Text(this NpgsqlCommand command, string? value) => command.With(value, NpgsqlDbType.Text);

    public static NpgsqlCommand Int(this NpgsqlCommand command, int value) => command.With(value, NpgsqlDbType.Integer);

    public static NpgsqlCommand Time(this NpgsqlCommand command, DateTime? value) => command.With(value, NpgsqlDbType.TimestampTz);

    public static NpgsqlCommand Bytes(this NpgsqlCommand command, byte[]? value) => command.With(value, NpgsqlDbType.Bytea);

    public static NpgsqlCommand Texts(this NpgsqlCommand command, IEnumerable<string?> values) =>
        command.With(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);

    public static NpgsqlCommand Ints(this NpgsqlCommand command, IEnumerable<int> values) =>
        command.With(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer);

    public static NpgsqlCommand Longs(this NpgsqlCommand command, IEnumerable<long> values) =>
        command.With(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint);

    public static NpgsqlCommand Times(this NpgsqlCommand command, IEnumerable<DateTime> values) =>
        command.With(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);

    public static NpgsqlCommand BytesArray(this NpgsqlCommand command, IEnumerable<byte[]> values) =>
        command.With(values.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bytea);
}
