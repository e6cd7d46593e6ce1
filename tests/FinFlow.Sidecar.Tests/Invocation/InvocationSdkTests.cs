using System.Net;
using System.Net.Http.Json;
using Dapr.Client;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;
using DaprGrpc = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>Invocation driven by the official Dapr.Client 1.18.7: its HTTP helpers and gRPC InvokeService.</summary>
/// <remarks>The SDK marks these members obsolete in favour of plain HTTP/gRPC clients; apps still call them.</remarks>
#pragma warning disable CS0618
[Collection(InvocationProcesses.Name)]
public sealed class InvocationSdkTests(InvocationFixture fixture)
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private sealed record Order(string Id, long AmountMinor, string Currency);

    [Fact]
    public async Task InvokeMethodAsync_round_trips_json_and_surfaces_error_statuses()
    {
        using var client = fixture.Caller.CreateClient(InvocationFixture.ApiToken);
        var reply = await client.InvokeMethodAsync<Order, EchoReply>(HttpMethod.Post, "callee", "orders/create", new Order("o-1", 1250, "EUR"));
        Assert.Equal(("callee", "POST", "/orders/create"), (reply.App, reply.Method, reply.Path));
        Assert.Equal(new Order("o-1", 1250, "EUR"), System.Text.Json.JsonSerializer.Deserialize<Order>(reply.Body, Web));
        Assert.Equal("caller", reply.Header("dapr-caller-app-id"));
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$", reply.Header("traceparent"));

        var request = client.CreateInvokeMethodRequest(HttpMethod.Get, "callee", "missing");
        request.Headers.Add("x-echo-status", "404");
        var error = await Assert.ThrowsAsync<InvocationException>(() => client.InvokeMethodAsync(request));
        Assert.Equal(HttpStatusCode.NotFound, error.Response?.StatusCode);
    }

    [Fact]
    public async Task CreateInvokeHttpClient_sends_plain_http_calls_through_the_sidecars()
    {
        using var http = DaprClient.CreateInvokeHttpClient("callee", fixture.Caller.HttpEndpoint, InvocationFixture.ApiToken);
        var reply = await http.GetFromJsonAsync<EchoReply>("/reports/monthly?year=2026");
        Assert.Equal(("callee", "GET", "/reports/monthly", "?year=2026"), (reply!.App, reply.Method, reply.Path, reply.Query));
        Assert.Equal(InvocationFixture.AppToken, reply.Header("dapr-api-token"));

        using var posted = await http.PostAsJsonAsync("/ledger", new Order("o-2", 99, "USD"));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("\"amountMinor\":99", (await EchoReply.ReadAsync(posted)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeMethodGrpcAsync_reaches_an_http_callee()
    {
        using var client = fixture.Caller.CreateClient(InvocationFixture.ApiToken);
        var method = $"grpc-sdk-{Guid.NewGuid():N}";
        await client.InvokeMethodGrpcAsync("callee", method, new StringValue { Value = "payload" });
        Assert.Equal(1, await fixture.CalleeApp.HitsAsync($"path:/{method}"));
    }

    [Fact]
    public async Task InvokeService_maps_verb_query_data_and_http_errors()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Caller.GrpcEndpoint);
        var dapr = new DaprGrpc.DaprClient(channel);
        var headers = new Metadata { { "dapr-api-token", InvocationFixture.ApiToken } };
        var request = new InvokeServiceRequest
        {
            Id = "callee",
            Message = new InvokeRequest
            {
                Method = "grpc/echo",
                Data = new Any { Value = ByteString.CopyFromUtf8("raw body") },
                ContentType = "text/plain",
                HttpExtension = new HTTPExtension { Verb = HTTPExtension.Types.Verb.Put, Querystring = "a=1&b=2" },
            },
        };
        var response = await dapr.InvokeServiceAsync(request, headers);
        var echo = EchoReply.Parse(response.Data.Value.ToStringUtf8());
        Assert.Equal(("PUT", "/grpc/echo", "?a=1&b=2", "raw body", "text/plain"), (echo.Method, echo.Path, echo.Query, echo.Body, echo.Header("content-type")));
        Assert.Equal("caller", echo.Header("dapr-caller-app-id"));
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);

        request.Message.HttpExtension = null;
        var failing = new Metadata { { "dapr-api-token", InvocationFixture.ApiToken }, { "x-echo-status", "404" } };
        var error = await GrpcStatusAsync(StatusCode.NotFound, () => dapr.InvokeServiceAsync(request, failing).ResponseAsync);
        Assert.Equal("404", error.Trailers.GetValue("dapr-http-status"));
        Assert.Contains("\"method\":\"POST\"", error.Status.Detail, StringComparison.Ordinal);
    }
}
#pragma warning restore CS0618
