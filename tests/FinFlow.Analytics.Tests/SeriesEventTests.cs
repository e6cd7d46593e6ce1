using FinFlow.Analytics.Series;
using FinFlow.Contracts;
using FinFlow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace FinFlow.Analytics.Tests;

/// <summary>The daily series kept from events (once per event), and cashflow_forecast published only when the 30-day outlook moves by more than 5%.</summary>
[Collection(AnalyticsSuite.Name)]
public class SeriesEventTests(AnalyticsFixture app)
{
    private Task<string> PayAsync(Guid userId, DateTimeOffset at, decimal amount, decimal fee, string? eventId = null) =>
        CloudEventDelivery.PostAsync(app.Client(null), "/events/payment-completed", Topics.PaymentCompleted, eventId ?? Guid.NewGuid().ToString(), new
        {
            paymentId = Guid.NewGuid(), invoiceId = Guid.NewGuid(), userId, amount, currency = "USD", fee, processorReference = "pi_x", completedAt = at,
        });

    private async Task<IReadOnlyList<string>> PublishedAsync(Guid userId) =>
        await app.QueryAsync<string>("SELECT payload::text FROM outbox_messages WHERE topic = 'cashflow_forecast' AND payload->>'userId' = @id ORDER BY id", new { id = userId.ToString() });

    [Fact]
    public async Task Payments_build_the_daily_series_once_per_event_and_invoices_their_own_column()
    {
        var user = Guid.NewGuid();
        var day = new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
        var eventId = Guid.NewGuid().ToString();
        Assert.Equal("SUCCESS", await PayAsync(user, day, 100m, 3.20m, eventId));
        Assert.Equal("SUCCESS", await PayAsync(user, day, 100m, 3.20m, eventId));
        Assert.Equal("SUCCESS", await CloudEventDelivery.PostAsync(app.Client(null), "/events/invoice-created", Topics.InvoiceCreated, Guid.NewGuid().ToString(), new
        {
            id = Guid.NewGuid(), userId = user, client = "Acme", amount = 250m, currency = "USD", dueDate = "2026-11-01", status = "PENDING", createdAt = day,
        }));

        var row = Assert.Single(await app.QueryAsync<(decimal Received, decimal Invoiced)>(
            "SELECT received, invoiced FROM daily_cash WHERE user_id = @user", new { user }));
        Assert.Equal((96.80m, 250m), row);
        Assert.Equal("HTTP 403", await CloudEventDelivery.PostAsync(app.Client(null), "/events/payment-completed", Topics.PaymentCompleted, "x", new { userId = user }, callerAppId: "gateway"));
    }

    [Fact]
    public async Task A_forecast_is_published_first_then_again_only_on_a_change_above_five_percent()
    {
        var user = Guid.NewGuid();
        var refresher = app.Services.GetRequiredService<ForecastRefresher>();
        var start = DateTimeOffset.UtcNow.Date.AddDays(-60);
        for (var d = 0; d < 60; d++) Assert.Equal("SUCCESS", await PayAsync(user, start.AddDays(d), 100m + (d % 7 * 10m), 0m));
        while (await refresher.RefreshBatchAsync(default) > 0)
        {
        }

        var first = Assert.Single(await PublishedAsync(user));
        Assert.Empty(EventSchemaValidator.Validate(Topics.CashflowForecast, first));

        Assert.Equal("SUCCESS", await PayAsync(user, DateTimeOffset.UtcNow, 1m, 0m)); // a small change: no new event
        while (await refresher.RefreshBatchAsync(default) > 0)
        {
        }

        Assert.Single(await PublishedAsync(user));
        for (var d = 0; d < 7; d++) Assert.Equal("SUCCESS", await PayAsync(user, DateTimeOffset.UtcNow.AddDays(-d), 5000m, 0m));
        while (await refresher.RefreshBatchAsync(default) > 0)
        {
        }

        Assert.Equal(2, (await PublishedAsync(user)).Count);
    }
}
