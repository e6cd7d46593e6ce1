using System.Net;
using System.Text.Json;
using FinFlow.Payments.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Payments.Tests.Web;

/// <summary>The operational surface from the service defaults, and the outbox relay publishing through the real sidecar.</summary>
[Collection(PlatformSuite.Name)]
public class HostingTests(PaymentsPlatform platform)
{
    [Fact]
    public async Task Ready_means_database_and_sidecar_answer()
    {
        using var client = platform.App.CreateClient();
        var response = await client.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("dapr-sidecar").GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json")).StatusCode);
    }

    [Fact]
    public async Task Queued_payment_events_are_relayed_to_pub_sub_through_the_sidecar()
    {
        var user = Guid.NewGuid();
        var client = platform.Client(user);
        var id = (await Api.ChargeAsync(client, platform.Invoice(user, 9m).Id, 9m)).GetProperty("id").GetGuid();
        await Api.WaitForStatusAsync(client, id, "SUCCEEDED");

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            var sent = await platform.QueryAsync<DateTime?>(
                "SELECT sent_at FROM outbox_messages WHERE topic = 'payment_completed' AND payload->>'paymentId' = @id", new { id = id.ToString() });
            if (sent.Count == 1 && sent[0] is not null) return;
            await Task.Delay(100);
        }

        Assert.Fail("payment_completed was not relayed within 15 s");
    }
}
