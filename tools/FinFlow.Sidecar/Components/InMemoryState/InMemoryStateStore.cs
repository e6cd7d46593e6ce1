using System.Globalization;
using FinFlow.Sidecar.State;

namespace FinFlow.Sidecar.Components.InMemoryState;

/// <summary>
/// <c>state.in-memory</c>: state lives in the sidecar process and is lost when it stops. ETags are a
/// process-wide counter; first-write against a live key is an ETag mismatch, as in components-contrib.
/// </summary>
public sealed class InMemoryStateStore : IStateStore, ICapabilityReporter, IAsyncDisposable
{
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _cleanup;
    private long _version;

    public InMemoryStateStore(TimeProvider clock, TimeSpan cleanupInterval)
    {
        _clock = clock;
        _cleanup = CleanupLoopAsync(cleanupInterval);
    }

    public StateFeatures Features => StateFeatures.ETag | StateFeatures.Transactional | StateFeatures.Ttl;

    public IReadOnlyList<string> Capabilities { get; } = ["ETAG", "TRANSACTIONAL", "TTL"];

    public Task<StateEntry?> GetAsync(string key, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult(Live(key, null)?.ToEntry());
    }

    public Task<IReadOnlyList<StateEntry?>> BulkGetAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<StateEntry?>>([.. keys.Select(k => Live(k, null)?.ToEntry())]);
    }

    public Task SetAsync(StateSetRequest request, CancellationToken ct) => ExecuteAsync([new StateOperation(request, null)], ct);

    public Task DeleteAsync(StateDeleteRequest request, CancellationToken ct) => ExecuteAsync([new StateOperation(null, request)], ct);

    public Task ExecuteAsync(IReadOnlyList<StateOperation> operations, CancellationToken ct)
    {
        lock (_lock)
        {
            // Apply to an overlay first so a failing step leaves the store untouched (atomicity),
            // while later steps still see the effect of earlier ones (order matters).
            var overlay = new Dictionary<string, Item?>(StringComparer.Ordinal);
            foreach (var operation in operations)
            {
                var current = Live(operation.Key, overlay);
                if (operation.Upsert is { } set)
                {
                    Check(set.Key, set.ETag, current);
                    if (set.ETag is null && set.Concurrency == StateConcurrency.FirstWrite && current is not null)
                    {
                        throw new StateETagMismatchException(set.Key);
                    }

                    var expires = set.TtlSeconds is { } ttl ? _clock.GetUtcNow().AddSeconds(ttl) : (DateTimeOffset?)null;
                    overlay[set.Key] = new Item(set.Value, NextETag(), expires);
                }
                else
                {
                    Check(operation.Delete!.Key, operation.Delete.ETag, current);
                    overlay[operation.Key] = null;
                }
            }

            foreach (var (key, item) in overlay)
            {
                if (item is null) _items.Remove(key);
                else _items[key] = item;
            }
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _cleanup.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static void Check(string key, string? etag, Item? current)
    {
        if (etag is not null && (current is null || current.ETag != etag)) throw new StateETagMismatchException(key);
    }

    private Item? Live(string key, Dictionary<string, Item?>? overlay)
    {
        Item? item;
        if (overlay is null || !overlay.TryGetValue(key, out item)) _items.TryGetValue(key, out item);
        return item is not null && item.ExpiresAt is { } at && at <= _clock.GetUtcNow() ? null : item;
    }

    private string NextETag() => (++_version).ToString(CultureInfo.InvariantCulture);

    private async Task CleanupLoopAsync(TimeSpan interval)
    {
        using var timer = new PeriodicTimer(interval, _clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                lock (_lock)
                {
                    var now = _clock.GetUtcNow();
                    foreach (var key in _items.Where(p => p.Value.ExpiresAt <= now).Select(p => p.Key).ToList()) _items.Remove(key);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private sealed record Item(byte[] Value, string ETag, DateTimeOffset? ExpiresAt)
    {
        public StateEntry ToEntry() => new(Value, ETag, ExpiresAt);
    }
}
