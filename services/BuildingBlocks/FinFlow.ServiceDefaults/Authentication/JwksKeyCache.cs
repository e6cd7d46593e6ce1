using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace FinFlow.ServiceDefaults.Authentication;

/// <summary>
/// The signing keys of auth's JWKS, fetched through the sidecar and kept in memory. It fetches when it has
/// no keys, when they are older than the refresh interval, or when a token names a key id it does not know
/// (auth rotated its key) — but never more often than the minimum interval, so forged key ids cannot turn
/// every request into a call to auth. A failed fetch keeps the keys it had: auth being briefly down must
/// not log everyone out, and with no keys at all every token is rejected (fail closed).
/// </summary>
public sealed partial class JwksKeyCache(
    IHttpClientFactory httpClients, FinFlowJwtOptions options, TimeProvider time, ILogger<JwksKeyCache> logger) : IDisposable
{
    public const string HttpClientName = "finflow-jwks";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile KeySnapshot _snapshot = KeySnapshot.Empty;
    // Ticks of the last fetch attempt; read without the lock on every request, so kept in one atomic long.
    private long _lastAttemptTicks = DateTimeOffset.MinValue.UtcTicks;

    private TimeSpan RefreshInterval => TimeSpan.FromMinutes(options.KeyRefreshMinutes);

    private TimeSpan MinimumInterval => TimeSpan.FromSeconds(options.MinimumRefreshSeconds);

    public IReadOnlyList<SecurityKey> Keys => _snapshot.Keys;

    /// <summary>The keys that may have signed a token with this key id (all keys when the token names none).</summary>
    public IEnumerable<SecurityKey> Resolve(string? kid)
    {
        var keys = _snapshot.Keys;
        return string.IsNullOrEmpty(kid) ? keys : keys.Where(key => string.Equals(key.KeyId, kid, StringComparison.Ordinal));
    }

    public async Task EnsureFreshAsync(string? kid, CancellationToken cancellationToken)
    {
        // With no keys yet, a request must not skip ahead while the first fetch is still running (it would be
        // checked against no keys and refused): it waits for the gate, behind that fetch, and then re-checks.
        if (!NeedsFetch(kid) && _snapshot.Keys.Count > 0) return;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another request may have fetched while this one waited.
            if (!NeedsFetch(kid)) return;
            Interlocked.Exchange(ref _lastAttemptTicks, time.GetUtcNow().UtcTicks);
            await FetchAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool NeedsFetch(string? kid)
    {
        var now = time.GetUtcNow();
        if (now.UtcTicks - Interlocked.Read(ref _lastAttemptTicks) < MinimumInterval.Ticks) return false;
        var snapshot = _snapshot;
        return snapshot.Keys.Count == 0
            || now - snapshot.FetchedAt >= RefreshInterval
            || (!string.IsNullOrEmpty(kid) && !snapshot.Keys.Any(key => string.Equals(key.KeyId, kid, StringComparison.Ordinal)));
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(JwksAddress.For(options, client.BaseAddress), cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            var json = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var keys = new JsonWebKeySet(json).Keys
                .Where(key => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve
                    && (string.IsNullOrEmpty(key.Alg) || key.Alg == FinFlowJwtOptions.Algorithm)
                    && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig))
                .Cast<SecurityKey>()
                .ToList();
            _snapshot = new KeySnapshot(keys, time.GetUtcNow());
            LogFetched(logger, keys.Count);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ArgumentException or InvalidOperationException)
        {
            LogFetchFailed(logger, e, _snapshot.Keys.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched {KeyCount} signing keys from the auth JWKS")]
    private static partial void LogFetched(ILogger logger, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the auth JWKS; keeping the {KeyCount} keys already known")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, int keyCount);

    private sealed record KeySnapshot(IReadOnlyList<SecurityKey> Keys, DateTimeOffset FetchedAt)
    {
        public static KeySnapshot Empty { get; } = new([], DateTimeOffset.MinValue);
    }
}
