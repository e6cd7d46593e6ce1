using System.Net;
using System.Text.Json;
using Xunit;

namespace FinFlow.ServiceDefaults.Tests;

public class OperationalEndpointTests(SampleServiceFixture sample) : IClassFixture<SampleServiceFixture>
{
    [Fact]
    public async Task Healthz_and_readyz_answer_when_the_process_database_and_sidecar_are_up()
    {
        var client = sample.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("dapr-sidecar").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_log_line_carries_the_trace_id_of_the_request()
    {
        var traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/notes/{Guid.NewGuid()}");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        request.Headers.Add("X-Sample-Role", "USER");

        await sample.CreateClient().SendAsync(request);

        // The request-logging middleware writes its line as the response completes, just after the client has it.
        string? line = null;
        for (var i = 0; i < 100 && line is null; i++, await Task.Delay(50))
        {
            line = sample.Factory.Log.Lines.FirstOrDefault(l => l.Contains(traceId, StringComparison.Ordinal) && l.Contains("responded", StringComparison.Ordinal));
        }

        Assert.NotNull(line);
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(traceId, json.GetProperty("@tr").GetString());
        Assert.Matches("^[0-9a-f]{16}$", json.GetProperty("@sp").GetString());
        Assert.Equal("sample", json.GetProperty("service").GetString());
    }

    [Fact]
    public async Task OpenApi_document_and_swagger_ui_are_served()
    {
        var client = sample.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
        Assert.True(document.GetProperty("paths").TryGetProperty("/notes/{id}", out _));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_exposed_for_prometheus()
    {
        var client = sample.CreateClient();
        await client.GetAsync("/healthz");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("dotnet_gc_", metrics, StringComparison.Ordinal);
    }
}
