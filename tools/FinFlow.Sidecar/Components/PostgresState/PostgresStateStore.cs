using FinFlow.Sidecar.State;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace FinFlow.Sidecar.Components.PostgresState;

/// <summary>
/// <c>state.postgresql</c> version v2: raw bytes, a fresh UUID ETag on every write, TTL in
/// <c>expires_at</c> with a periodic sweep. A non-UUID ETag can never match, so it is a mismatch (409),
/// and a first-write conflict is a generic failure (500), both as components-contrib reports them.
/// </summary>
public sealed class PostgresStateStore : IStateStore, ICapabilityReporter, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresStateSql _sql;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _cleanup;

    private PostgresStateStore(NpgsqlDataSource dataSource, PostgresStateOptions options, ILogger logger)
    {
        _dataSource = dataSource;
        _sql = new PostgresStateSql(options.TableName);
        _logger = logger;
        Capabilities = options.ActorStateStore ? ["ETAG", "TRANSACTIONAL", "TTL", "ACTOR"] : ["ETAG", "TRANSACTIONAL", "TTL"];
        _cleanup = options.CleanupInterval is { } interval ? CleanupLoopAsync(interval) : Task.CompletedTask;
    }

    public StateFeatures Features => StateFeatures.ETag | StateFeatures.Transactional | StateFeatures.Ttl;

    public IReadOnlyList<string> Capabilities { get; }

    /// <summary>The component's database, shared with the workflow engine and actor reminders when it is the actor state store.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    public static async Task<PostgresStateStore> OpenAsync(PostgresStateOptions options, ILogger logger, CancellationToken ct)
    {
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.CommandTimeout = Math.Max(1, (int)options.Timeout.TotalSeconds);
        var dataSource = builder.Build();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            // Several sidecars may start against one database; the lock makes CREATE ... IF NOT EXISTS race-free.
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('finflow-sidecar-state-schema'))", connection, transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            await using (var create = new NpgsqlCommand(new PostgresStateSql(options.TableName).CreateSchema, connection, transaction))
            {
                await create.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return new PostgresStateStore(dataSource, options, logger);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public async Task<StateEntry?> GetAsync(string key, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(_sql.Get);
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadEntry(reader, 0) : null;
    }

    public async Task<IReadOnlyList<StateEntry?>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand(_sql.BulkGet);
        command.Parameters.Add(new NpgsqlParameter { Value = keys.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var found = new Dictionary<string, StateEntry>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) found[reader.GetString(0)] = ReadEntry(reader, 1);
        }

        return [.. keys.Select(k => found.GetValueOrDefault(k))];
    }

    public async Task SetAsync(StateSetRequest request, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await SetAsync(connection, null, request, ct);
    }

    public async Task DeleteAsync(StateDeleteRequest request, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await DeleteAsync(connection, null, request, ct);
    }

    public async Task ExecuteAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        // A single operation needs no BEGIN (as in components-contrib); several share one SQL transaction.
        await using var transaction = operations.Count > 1 ? await connection.BeginTransactionAsync(ct) : null;
        foreach (var operation in operations)
        {
            if (operation.Upsert is { } set) await SetAsync(connection, transaction, set, ct);
            else await DeleteAsync(connection, transaction, operation.Delete!, ct);
        }

        if (transaction is not null) await transaction.CommitAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _cleanup.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        await _dataSource.DisposeAsync();
    }

    private async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StateSetRequest request, CancellationToken ct)
    {
        Guid? expected = null;
        if (request.ETag is not null)
        {
            expected = Guid.TryParse(request.ETag, out var etag) ? etag : throw new StateETagMismatchException(request.Key);
        }

        var sql = expected is not null ? _sql.UpdateIfETag : request.Concurrency == StateConcurrency.FirstWrite ? _sql.InsertOnly : _sql.Upsert;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = request.Key });
        command.Parameters.Add(new NpgsqlParameter { Value = request.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)request.TtlSeconds ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        if (expected is not null) command.Parameters.Add(new NpgsqlParameter { Value = expected.Value });
        var rows = await command.ExecuteNonQueryAsync(ct);
        if (rows > 0) return;
        if (expected is not null) throw new StateETagMismatchException(request.Key);
        throw new InvalidOperationException($"no item was updated for key {request.Key} (first-write: the key already exists)");
    }

    private async Task DeleteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StateDeleteRequest request, CancellationToken ct)
    {
        Guid? expected = null;
        if (request.ETag is not null)
        {
            expected = Guid.TryParse(request.ETag, out var etag) ? etag : throw new StateETagMismatchException(request.Key);
        }

        await using var command = new NpgsqlCommand(expected is null ? _sql.Delete : _sql.DeleteIfETag, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = request.Key });
        if (expected is not null) command.Parameters.Add(new NpgsqlParameter { Value = expected.Value });
        var rows = await command.ExecuteNonQueryAsync(ct);
        if (rows == 0 && expected is not null) throw new StateETagMismatchException(request.Key);
    }

    private static StateEntry ReadEntry(NpgsqlDataReader reader, int first) =>
        new(
            reader.GetFieldValue<byte[]>(first),
            reader.GetGuid(first + 1).ToString(),
            reader.IsDBNull(first + 2) ? null : reader.GetFieldValue<DateTimeOffset>(first + 2));

    private async Task CleanupLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                try
                {
                    await using var command = _dataSource.CreateCommand(_sql.Cleanup);
                    var removed = await command.ExecuteNonQueryAsync(_stop.Token);
                    if (removed > 0) _logger.LogDebug("Removed {Count} expired state rows", removed);
                }
                catch (NpgsqlException error)
                {
                    // The next tick retries; expired rows are invisible to reads meanwhile.
                    _logger.LogWarning(error, "Expired-state cleanup failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
