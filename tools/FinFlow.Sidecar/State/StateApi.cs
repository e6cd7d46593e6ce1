using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Hosting;
using Grpc.Core;

namespace FinFlow.Sidecar.State;

/// <summary>
/// The state building block shared by the HTTP and gRPC adapters: store lookup, key validation and
/// prefixing, TTL parsing, and daprd's error mapping (contract §2.1-§2.3).
/// </summary>
public sealed class StateApi
{
    private readonly ComponentCatalog _catalog;
    private readonly Dictionary<string, StateKeyPrefix> _prefixes = new(StringComparer.Ordinal);

    public StateApi(ComponentCatalog catalog, SidecarOptions options)
    {
        _catalog = catalog;
        foreach (var (name, component) in catalog.StateStores)
        {
            _prefixes[name] = StateKeyPrefix.For(component.Metadata.Get("keyPrefix"), options.AppId, name, options.Namespace);
        }
    }

    public async Task<StateEntry?> GetAsync(string storeName, string key, CancellationToken ct)
    {
        var (store, prefix) = Resolve(storeName);
        ValidateKey(key);
        try
        {
            return await store.GetAsync(prefix.Apply(key), ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw DaprErrors.StateGet(key, storeName, error);
        }
    }

    public async Task<IReadOnlyList<StateGetResult>> BulkGetAsync(string storeName, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var (store, prefix) = Resolve(storeName);
        foreach (var key in keys) ValidateKey(key);
        try
        {
            var entries = await store.BulkGetAsync([.. keys.Select(prefix.Apply)], ct);
            return [.. keys.Select((key, i) => new StateGetResult(key, entries[i], null))];
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw DaprErrors.StateBulkGet(storeName, error);
        }
    }

    /// <summary>Saves each item on its own: like daprd, a batch is not atomic and a failing item does not undo the others.</summary>
    public async Task SaveAsync(string storeName, IReadOnlyList<StateSaveItem> items, CancellationToken ct)
    {
        var (store, prefix) = Resolve(storeName);
        foreach (var item in items) ValidateKey(item.Key);
        var failures = new List<Exception>();
        foreach (var item in items)
        {
            try
            {
                await store.SetAsync(ToRequest(item, prefix), ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failures.Add(error);
            }
        }

        if (failures.Count > 0) throw Classify(failures, e => DaprErrors.StateSave(storeName, e), (e, h, g) => DaprErrors.StateSave(storeName, e, h, g));
    }

    public async Task DeleteAsync(string storeName, IReadOnlyList<StateDeleteItem> items, CancellationToken ct)
    {
        var (store, prefix) = Resolve(storeName);
        foreach (var item in items) ValidateKey(item.Key);
        var failures = new List<Exception>();
        foreach (var item in items)
        {
            try
            {
                await store.DeleteAsync(new StateDeleteRequest(prefix.Apply(item.Key), NullIfEmpty(item.ETag), item.Concurrency), ct);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failures.Add(error);
            }
        }

        var key = items.Count == 1 ? items[0].Key : string.Join(",", items.Select(i => i.Key));
        if (failures.Count > 0) throw Classify(failures, e => DaprErrors.StateDelete(key, e), (e, h, g) => DaprErrors.StateDelete(key, e, h, g));
    }

    /// <summary>Runs one atomic transaction; here every ETag problem is a plain 500 / Internal, as in daprd.</summary>
    public async Task TransactAsync(string storeName, IReadOnlyList<(string OperationType, StateSaveItem Item)> operations, bool grpc, CancellationToken ct)
    {
        var (store, prefix) = Resolve(storeName);
        if (!store.Features.HasFlag(StateFeatures.Transactional)) throw DaprErrors.StateStoreNotSupported(storeName);
        var steps = new List<StateOperation>(operations.Count);
        foreach (var (type, item) in operations)
        {
            ValidateKey(item.Key);
            steps.Add(type switch
            {
                "upsert" => new StateOperation(null, null) with { Upsert = ToRequest(item, prefix, transaction: true) },
                "delete" => new StateOperation(null, new StateDeleteRequest(prefix.Apply(item.Key), NullIfEmpty(item.ETag), item.Concurrency)),
                _ => throw DaprErrors.NotSupportedStateOperation(type, grpc),
            });
        }

        try
        {
            await store.ExecuteAsync(steps, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException and not DaprApiException)
        {
            throw DaprErrors.StateTransaction(error);
        }
    }

    private (IStateStore Store, StateKeyPrefix Prefix) Resolve(string name)
    {
        if (_catalog.StateStores.Count == 0) throw DaprErrors.StateStoreNotConfigured();
        var store = _catalog.FindStateStore(name) ?? throw DaprErrors.StateStoreNotFound(name);
        return (store, _prefixes[name]);
    }

    private static StateSetRequest ToRequest(StateSaveItem item, StateKeyPrefix prefix, bool transaction = false)
    {
        int? ttl;
        try
        {
            ttl = StateTtl.Parse(item.Metadata);
        }
        catch (FormatException error) when (transaction)
        {
            throw DaprErrors.StateTransaction(error);
        }

        return new StateSetRequest(prefix.Apply(item.Key), item.Value, NullIfEmpty(item.ETag), item.Concurrency, ttl);
    }

    private static void ValidateKey(string key)
    {
        if (string.IsNullOrEmpty(key)) throw DaprErrors.MalformedRequest("key is empty");
        if (key.Contains(StateKeyPrefix.Separator, StringComparison.Ordinal))
        {
            throw DaprErrors.MalformedRequest($"input key/keyPrefix '{key}' can't contain '{StateKeyPrefix.Separator}'");
        }
    }

    private static string? NullIfEmpty(string? etag) => string.IsNullOrEmpty(etag) ? null : etag;

    private static DaprApiException Classify(
        List<Exception> failures, Func<Exception, DaprApiException> generic, Func<Exception, int, StatusCode, DaprApiException> withStatus)
    {
        var error = failures.Count == 1 ? failures[0] : new AggregateException(string.Join("\n", failures.Select(f => f.Message)), failures);
        if (error is FormatException) return generic(error);
        if (failures.Any(f => f is StateETagMismatchException)) return withStatus(error, 409, StatusCode.Aborted);
        if (failures.Any(f => f is StateETagInvalidException)) return withStatus(error, 400, StatusCode.InvalidArgument);
        return generic(error);
    }
}
