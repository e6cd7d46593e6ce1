using FinFlow.Testing;
using System.Net;
using System.Text.Json;
using FinFlow.Sidecar.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Hosting;

/// <summary>Metadata, health, metrics, shutdown and the shape of the gRPC surface (traps 1 and 3).</summary>
public sealed class ApiSurfaceTests(ApiSurfaceFixture fixture) : IClassFixture<ApiSurfaceFixture>
{
    [Fact]
    public async Task Http_metadata_lists_components_and_declarative_subscriptions()
    {
        using var http = fixture.Sidecar.CreateHttpClient();
        var metadata = JsonDocument.Parse(await http.GetStringAsync("/v1.0/metadata")).RootElement;
        Assert.Equal("surfaceapp", metadata.GetProperty("id").GetString());
        var components = metadata.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
        Assert.Equal("pubsub.redis", components["pubsub"]);
        Assert.Equal("pubsub.in-memory", components["memorybus"]);
        Assert.Equal("state.in-memory", components["statestore"]);

        var subscriptions = metadata.GetProperty("subscriptions").EnumerateArray().ToList();
        var invoices = Assert.Single(subscriptions, s => s.GetProperty("topic").GetString() == "invoice_created");
        Assert.Equal("pubsub", invoices.GetProperty("pubsubname").GetString());
        Assert.Equal("invoice_created_dlq", invoices.GetProperty("deadLetterTopic").GetString());
        Assert.Equal("DECLARATIVE", invoices.GetProperty("type").GetString());
        Assert.Equal("/events/invoices", invoices.GetProperty("rules").GetProperty("rules")[0].GetProperty("path").GetString());
        Assert.Contains(subscriptions, s => s.GetProperty("topic").GetString() == "payment_completed");
    }

    [Fact]
    public async Task Doubled_slashes_reach_the_same_route_as_daprds_cleaned_paths_do()
    {
        using var http = fixture.Sidecar.CreateHttpClient();
        var metadata = JsonDocument.Parse(await http.GetStringAsync($"{fixture.Sidecar.HttpEndpoint}//v1.0//metadata")).RootElement;
        Assert.Equal("surfaceapp", metadata.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Grpc_metadata_and_extended_attributes_round_trip()
    {
        using var client = fixture.Sidecar.CreateClient();
        await client.SetMetadataAsync("owner", "finflow");
        var metadata = await client.GetMetadataAsync();
        Assert.Equal("surfaceapp", metadata.Id);
        Assert.Equal("finflow", metadata.Extended["owner"]);
        Assert.Contains(metadata.Components, c => c.Name == "memorybus");
    }

    [Fact]
    public async Task Health_checks_the_app_id_when_asked()
    {
        using var http = fixture.Sidecar.CreateHttpClient();
        using (var ok = await http.GetAsync("/v1.0/healthz?appid=surfaceapp"))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        using var other = await http.GetAsync("/v1.0/healthz?appid=someone-else");
        await HttpErrorAsync(other, HttpStatusCode.InternalServerError, "ERR_HEALTH_APPID_NOT_MATCH");
        using var client = fixture.Sidecar.CreateClient();
        Assert.True(await client.CheckOutboundHealthAsync());
    }

    [Fact]
    public async Task Rpcs_that_are_not_implemented_answer_unimplemented()
    {
        using var client = fixture.Sidecar.CreateClient();
        await GrpcStatusAsync(StatusCode.Unimplemented, () => client.InvokeBindingAsync("binding", "create", new { a = 1 }));
    }

    [Fact]
    public async Task No_partial_reflection_service_is_offered()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Sidecar.GrpcEndpoint);
        var marshaller = Marshallers.Create<byte[]>(b => b, b => b);
        foreach (var service in new[] { "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection" })
        {
            var method = new Method<byte[], byte[]>(MethodType.DuplexStreaming, service, "ServerReflectionInfo", marshaller, marshaller);
            using var call = channel.CreateCallInvoker().AsyncDuplexStreamingCall(method, null, default);
            await GrpcStatusAsync(StatusCode.Unimplemented, async () => await call.ResponseStream.MoveNext(CancellationToken.None));
        }
    }

    [Fact]
    public async Task Metrics_count_and_time_each_api()
    {
        using var client = fixture.Sidecar.CreateClient();
        await client.SaveStateAsync("statestore", "metrics-key", 1);
        await client.GetStateAsync<int>("statestore", "metrics-key");
        using var http = fixture.Sidecar.CreateHttpClient();
        using (await http.GetAsync("/v1.0/state/statestore/metrics-key"))
        {
            var text = await http.GetStringAsync("/metrics");
            Assert.Contains("dapr_grpc_io_server_completed_rpcs{app_id=\"surfaceapp\",grpc_server_method=\"/dapr.proto.runtime.v1.Dapr/GetState\",grpc_server_status=\"OK\"}", text, StringComparison.Ordinal);
            Assert.Contains("dapr_grpc_io_server_server_latency_bucket{", text, StringComparison.Ordinal);
            Assert.Contains("path=\"/v1.0/state/{storeName}/{key}\",status=\"200\"", text, StringComparison.Ordinal);
            Assert.Contains("dapr_http_server_latency_count{", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Shutdown_over_grpc_stops_the_process_cleanly()
    {
        using var resources = new ResourceDirectory();
        await using var sidecar = await SidecarProcess.StartAsync(new SidecarLaunch { AppId = "shortlived", ResourcesPaths = [resources.Path] });
        using var client = sidecar.CreateClient();
        await client.ShutdownSidecarAsync();
        Assert.True(await sidecar.WaitForExitAsync(TimeSpan.FromSeconds(15)), "the sidecar must exit after Shutdown");
    }
}
