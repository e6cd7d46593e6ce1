using System.Net;
using System.Text.Json;
using FinFlow.LocalInfra;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.ServiceDefaults.Tests;

public class ReadinessFailureTests
{
    [Fact]
    public async Task Readyz_goes_unhealthy_when_the_database_goes_down_while_liveness_stays_up()
    {
        var postgres = await PostgresServer.StartAsync();
        await using var sidecar = await DaprHealthStandIn.StartAsync();
        await using var factory = new SampleServiceFactory(await postgres.CreateScratchDatabaseAsync("sample"), sidecar.Port);
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        await postgres.StopAsync();

        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", CheckStatus(await ready.Content.ReadAsStringAsync(), "database"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_is_unhealthy_when_the_sidecar_cannot_be_reached()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var factory = new SampleServiceFactory(await postgres.CreateScratchDatabaseAsync("sample"), FreePort.Next());

        var ready = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", CheckStatus(body, "dapr-sidecar"));
        Assert.Equal("Healthy", CheckStatus(body, "database"));
    }

    private static string? CheckStatus(string body, string check) =>
        JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();
}
