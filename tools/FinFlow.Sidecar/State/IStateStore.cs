namespace FinFlow.Sidecar.State;

/// <summary>
/// The state-store component contract. Keys arrive prefixed. Stores report ETag conflicts with
/// <see cref="StateETagMismatchException"/> / <see cref="StateETagInvalidException"/>; any other exception is a
/// plain store failure (500 / Internal).
/// </summary>
public interface IStateStore
{
    StateFeatures Features { get; }

    /// <summary>Null when the key is missing or expired.</summary>
    Task<StateEntry?> GetAsync(string key, CancellationToken ct);

    Task<IReadOnlyList<StateEntry?>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct);

    Task SetAsync(StateSetRequest request, CancellationToken ct);

    Task DeleteAsync(StateDeleteRequest request, CancellationToken ct);

    /// <summary>Applies all operations atomically, in order.</summary>
    Task ExecuteAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct);
}
