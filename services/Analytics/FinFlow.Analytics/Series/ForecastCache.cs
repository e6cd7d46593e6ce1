using Dapr;
using Dapr.Client;
using FinFlow.Contracts;

namespace FinFlow.Analytics.Series;

/// <summary>
/// The caller's own-cash-flow forecast, cached in the Dapr state store for an hour (TTL) and dropped as soon as
/// an event changes that user's books. A cache failure never fails a request: it only costs a recomputation.
/// </summary>
public sealed class ForecastCache(DaprClient dapr, ILogger<ForecastCache> logger)
{
    public const int TtlSeconds = 3600;

    private static readonly Dictionary<string, string> Ttl = new(StringComparer.Ordinal) { ["ttlInSeconds"] = $"{TtlSeconds}" };

    public static string Key(Guid userId) => $"forecast-own-{userId:N}";

    public async Task<T?> GetAsync<T>(Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            return await dapr.GetStateAsync<T>(DaprComponents.StateStore, Key(userId), cancellationToken: cancellationToken);
        }
        catch (DaprException e)
        {
            logger.LogWarning(e, "Forecast cache read failed for {UserId}", userId);
            return default;
        }
    }

    public async Task SetAsync<T>(Guid userId, T value, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.SaveStateAsync(DaprComponents.StateStore, Key(userId), value, metadata: Ttl, cancellationToken: cancellationToken);
        }
        catch (DaprException e)
        {
            logger.LogWarning(e, "Forecast cache write failed for {UserId}", userId);
        }
    }

    public async Task InvalidateAsync(Guid userId, CancellationToken cancellationToken)
    {
        try
        {
            await dapr.DeleteStateAsync(DaprComponents.StateStore, Key(userId), cancellationToken: cancellationToken);
        }
        catch (DaprException e)
        {
            logger.LogWarning(e, "Forecast cache invalidation failed for {UserId}; the entry expires within {Ttl} s", userId, TtlSeconds);
        }
    }
}
