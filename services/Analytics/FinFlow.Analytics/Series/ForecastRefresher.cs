using Dapper;
using FinFlow.Analytics.Forecasting;
using FinFlow.Analytics.Forecasting.Api;
using FinFlow.Contracts.Events;
using FinFlow.Data.Outbox;
using Npgsql;

namespace FinFlow.Analytics.Series;

/// <summary>
/// Works through users whose series changed: forecasts their next 30 days of cash received and publishes
/// <c>cashflow_forecast</c> (through the outbox, with the new total) when the 30-day total moved by more
/// than 5% from the last one published, or was never published.
/// </summary>
public sealed class ForecastRefresher(NpgsqlDataSource db, Forecaster forecaster, TimeProvider time, IConfiguration configuration, ILogger<ForecastRefresher> logger)
    : BackgroundService
{
    public const int Horizon = 30;
    public const int MinimumDays = 14;
    public const decimal ChangeThreshold = 0.05m;

    private const string ClaimSql = "SELECT user_id, currency FROM forecast_refresh ORDER BY requested_at LIMIT 10 FOR UPDATE SKIP LOCKED";
    private const string DoneSql = "DELETE FROM forecast_refresh WHERE user_id = @UserId AND currency = @Currency";
    private const string PreviousSql = "SELECT total_30d FROM published_forecasts WHERE user_id = @UserId AND currency = @Currency FOR UPDATE";
    private const string PublishedSql = """
        INSERT INTO published_forecasts (user_id, currency, total_30d, published_at) VALUES (@UserId, @Currency, @Total, @At)
        ON CONFLICT (user_id, currency) DO UPDATE SET total_30d = EXCLUDED.total_30d, published_at = EXCLUDED.published_at
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Analytics:ForecastRefreshSeconds = 0 turns the loop off (tests drive RefreshBatchAsync themselves).
        var seconds = configuration.GetValue("Analytics:ForecastRefreshSeconds", 2.0);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await RefreshBatchAsync(stoppingToken) > 0)
                {
                    // Keep going while a burst of events left work queued.
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Forecast refresh failed; retrying on the next tick");
            }
        }
    }

    /// <summary>Refreshes up to ten queued users, each in its own transaction; returns how many were handled.</summary>
    public async Task<int> RefreshBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var queued = (await connection.QueryAsync<(Guid UserId, string Currency)>(new CommandDefinition(ClaimSql, transaction: transaction, cancellationToken: cancellationToken))).ToList();
        foreach (var (userId, currency) in queued)
        {
            var key = new { UserId = userId, Currency = currency.Trim() };
            await connection.ExecuteAsync(new CommandDefinition(DoneSql, key, transaction, cancellationToken: cancellationToken));
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var series = await SeriesStore.ReceivedAsync(connection, transaction, userId, key.Currency, today, cancellationToken);
            if (series.Count < MinimumDays) continue;
            ForecastResult result;
            try
            {
                result = forecaster.Forecast(series.Select(p => (p.Day, p.Received)).ToList(), Horizon, Frequency.Daily);
            }
            catch (ForecastValidationException e)
            {
                logger.LogWarning(e, "Series of {UserId} in {Currency} cannot be forecast", userId, key.Currency);
                continue;
            }

            var total = result.Forecast.Sum(p => p.Yhat);
            var previous = await connection.QuerySingleOrDefaultAsync<decimal?>(new CommandDefinition(PreviousSql, key, transaction, cancellationToken: cancellationToken));
            if (previous is { } last && Math.Abs(total - last) <= ChangeThreshold * Math.Abs(last)) continue;

            var now = time.GetUtcNow();
            var points = result.Forecast.Select(p => new FinFlow.Contracts.Events.ForecastPoint(p.Ds, p.Yhat, p.Lo80 ?? p.Yhat, p.Hi80 ?? p.Yhat, p.Lo95 ?? p.Yhat, p.Hi95 ?? p.Yhat)).ToList();
            await OutboxWriter.EnqueueAsync(transaction, new CashflowForecast(userId, key.Currency, result.Model, points, now), cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(PublishedSql, new { key.UserId, key.Currency, Total = total, At = now }, transaction, cancellationToken: cancellationToken));
            logger.LogInformation("Published cashflow_forecast for {UserId} in {Currency}: 30-day total {Total} (was {Previous})", userId, key.Currency, total, previous);
        }

        await transaction.CommitAsync(cancellationToken);
        return queued.Count;
    }
}
