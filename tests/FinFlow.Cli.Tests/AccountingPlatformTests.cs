using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapr.Client;
using FinFlow.Contracts;
using FinFlow.Contracts.Events;
using FinFlow.Testing;
using StackExchange.Redis;
using Xunit;

namespace FinFlow.Cli.Tests;

/// <summary>
/// Accounting on the running platform: its events really cross Redis through the sidecars. The invoice's
/// <c>invoice_created</c> is read back from the Redis stream and checked against its schema, and a
/// <c>payment_completed</c> published with the official Dapr client marks the invoice paid; analytics then
/// forecasts the user's own cash flow, asking accounting through the sidecars.
/// </summary>
public class AccountingPlatformTests
{
    [Fact]
    public async Task Invoice_created_reaches_the_bus_and_a_published_payment_completed_pays_the_invoice()
    {
        await using var platform = await PlatformSession.StartAsync("auth", "accounting", "analytics");
        var created = await platform.Gateway.PostAsJsonAsync(
            "/api/accounting/invoices", new { client = "Acme Ltd", amount = 250.00m, currency = "EUR", dueDate = "2030-06-30" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invoiceId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var published = await ReadFromStreamAsync(platform, Topics.InvoiceCreated, invoiceId, TimeSpan.FromSeconds(20));
        Assert.Empty(EventSchemaValidator.Validate(Topics.InvoiceCreated, published));

        using var dapr = new DaprClientBuilder()
            .UseHttpEndpoint(platform.SidecarUrl("auth"))
            .UseGrpcEndpoint(platform.SidecarGrpcUrl("auth"))
            .UseDaprApiToken(platform.Secrets.GetProperty("dapr-api-token").GetString())
            .Build();
        var payment = new PaymentCompleted(Guid.NewGuid(), invoiceId, platform.UserId, 250.00m, "EUR", 7.55m, "pi_platform_test", DateTimeOffset.UtcNow);
        await dapr.PublishEventAsync(DaprComponents.PubSub, Topics.PaymentCompleted, payment);
        await dapr.PublishEventAsync(DaprComponents.PubSub, Topics.PaymentCompleted, payment); // re-published: applied once

        var invoice = await platform.PollAsync(
            $"/api/accounting/invoices/{invoiceId}", body => body.GetProperty("status").GetString() == "PAID", TimeSpan.FromSeconds(30));
        Assert.Equal("PAID", invoice.GetProperty("status").GetString());
        Assert.Equal(250.00m, invoice.GetProperty("amountPaid").GetDecimal());
        var balance = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/accounting/trial-balance");
        Assert.Equal(balance.GetProperty("totalDebit").GetDecimal(), balance.GetProperty("totalCredit").GetDecimal());
        var cash = balance.GetProperty("accounts").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "1000");
        Assert.Equal(242.45m, cash.GetProperty("debit").GetDecimal());
        await Task.Delay(1000); // give a second delivery of the re-published event time to (not) count
        var after = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/accounting/invoices/{invoiceId}");
        Assert.Equal(1, after.GetProperty("payments").GetArrayLength());

        // Analytics forecasts the caller's own cash flow, read from accounting through the sidecars with the caller's token.
        using var forecast = await platform.Gateway.PostAsJsonAsync("/api/analytics/forecast", new { });
        Assert.True(forecast.StatusCode == HttpStatusCode.OK, await forecast.Content.ReadAsStringAsync());
        var body = await forecast.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(30, body.GetProperty("forecast").GetArrayLength());
        var again = await platform.Gateway.PostAsJsonAsync("/api/analytics/forecast", new { });
        Assert.Equal(body.GetRawText(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
    }

    /// <summary>The data of the CloudEvent for <paramref name="id"/> on the topic's Redis stream, as the sidecar wrote it.</summary>
    private static async Task<string> ReadFromStreamAsync(PlatformSession platform, string topic, Guid id, TimeSpan timeout)
    {
        var options = ConfigurationOptions.Parse(platform.Secrets.GetProperty("redis-host").GetString()!);
        options.Password = platform.Secrets.GetProperty("redis-password").GetString();
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var entry in await redis.GetDatabase().StreamRangeAsync(topic))
            {
                using var envelope = JsonDocument.Parse(entry["data"].ToString());
                var data = envelope.RootElement.GetProperty("data");
                if (data.GetProperty("id").GetGuid() == id) return data.GetRawText();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No {topic} event for {id} reached the bus within {timeout}.");
    }
}
