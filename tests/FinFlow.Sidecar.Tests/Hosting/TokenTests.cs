using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Hosting;

/// <summary>DAPR_API_TOKEN enforcement (contract §4.6) on both ports.</summary>
public sealed class TokenTests(TokenFixture fixture) : IClassFixture<TokenFixture>
{
    [Fact]
    public async Task Http_calls_without_the_token_get_401_except_health()
    {
        using var http = fixture.Sidecar.CreateHttpClient();
        using (var missing = await http.GetAsync("/v1.0/state/statestore/k"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
            Assert.Equal("invalid api token", (await missing.Content.ReadAsStringAsync()).Trim());
        }

        using (var wrong = new HttpRequestMessage(HttpMethod.Get, "/v1.0/metadata"))
        {
            wrong.Headers.Add("dapr-api-token", "wrong");
            using var response = await http.SendAsync(wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var health = await http.GetAsync("/v1.0/healthz"))
        {
            Assert.Equal(HttpStatusCode.NoContent, health.StatusCode);
        }

        using (var outbound = await http.GetAsync("/v1.0/healthz/outbound"))
        {
            Assert.Equal(HttpStatusCode.NoContent, outbound.StatusCode);
        }

        using var authorised = new HttpRequestMessage(HttpMethod.Get, "/v1.0/state/statestore/never-written");
        authorised.Headers.Add("dapr-api-token", TokenFixture.Token);
        using var ok = await http.SendAsync(authorised);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
    }

    [Fact]
    public async Task Grpc_calls_without_the_right_token_are_unauthenticated()
    {
        using (var anonymous = fixture.Sidecar.CreateClient())
        {
            await GrpcStatusAsync(StatusCode.Unauthenticated, () => anonymous.GetStateAsync<string>("statestore", "k"));
        }

        using (var wrong = fixture.Sidecar.CreateClient("wrong-token"))
        {
            await GrpcStatusAsync(StatusCode.Unauthenticated, () => wrong.SaveStateAsync("statestore", "k", "v"));
        }

        using var client = fixture.Sidecar.CreateClient(TokenFixture.Token);
        await client.SaveStateAsync("statestore", "k", "v");
        Assert.Equal("v", await client.GetStateAsync<string>("statestore", "k"));
    }

    [Fact]
    public async Task Every_grpc_service_on_the_port_requires_the_token()
    {
        // TaskHubSidecarService (workflow) will live on this port too; the check is port-wide, not per service.
        using var channel = GrpcChannel.ForAddress(fixture.Sidecar.GrpcEndpoint);
        var marshaller = Marshallers.Create<byte[]>(b => b, b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "TaskHubSidecarService", "Hello", marshaller, marshaller);
        await GrpcStatusAsync(StatusCode.Unauthenticated, () => channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, []).ResponseAsync);
    }
}
