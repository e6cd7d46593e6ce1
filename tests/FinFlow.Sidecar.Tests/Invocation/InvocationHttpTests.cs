using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>HTTP service invocation through two sidecars (contract §4.1), seen from the callee app.</summary>
[Collection(InvocationProcesses.Name)]
public sealed class InvocationHttpTests(InvocationFixture fixture)
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    public async Task Every_verb_reaches_the_callee_with_path_query_body_and_headers(string verb)
    {
        using var http = fixture.CallerHttp();
        using var request = new HttpRequestMessage(new HttpMethod(verb), "/v1.0/invoke/callee/method/orders/42/a%2Fb?x=1&y=a%20b&x=2");
        request.Headers.Add("x-custom", "custom-value");
        var hasBody = verb is "POST" or "PUT" or "PATCH";
        if (hasBody) request.Content = new StringContent("{\"amount\":12.5}", Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await EchoReply.ReadAsync(response);
        Assert.Equal("callee", echo.App);
        Assert.Equal(verb, echo.Method);
        Assert.Equal("/orders/42/a%2Fb?x=1&y=a%20b&x=2", echo.RawTarget);
        Assert.Equal("?x=1&y=a%20b&x=2", echo.Query);
        Assert.Equal("custom-value", echo.Header("x-custom"));
        Assert.Equal(hasBody ? "{\"amount\":12.5}" : "", echo.Body);
        if (hasBody) Assert.Equal("application/json; charset=utf-8", echo.Header("content-type"));
    }

    [Fact]
    public async Task The_callee_sees_caller_and_callee_ids_and_the_app_token_but_no_spoofed_or_private_headers()
    {
        using var http = fixture.CallerHttp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/callee/method/whoami");
        request.Headers.Add("dapr-caller-app-id", "spoofed");
        request.Headers.Add("dapr-callee-app-id", "spoofed");
        request.Headers.Add("grpc-trace-bin", "AAAA");
        using var response = await http.SendAsync(request);
        var echo = await EchoReply.ReadAsync(response);

        Assert.Equal("caller", echo.Header("dapr-caller-app-id"));
        Assert.Equal("callee", echo.Header("dapr-callee-app-id"));
        Assert.Equal(InvocationFixture.AppToken, echo.Header("dapr-api-token"));
        Assert.Null(echo.Header("grpc-trace-bin"));
        Assert.DoesNotContain(echo.Headers.Keys, name => name.StartsWith("x-finflow-hop", StringComparison.Ordinal));
        Assert.Equal("127.0.0.1", echo.Header("x-forwarded-for"));
        Assert.Equal($"127.0.0.1:{fixture.Caller.HttpPort}", echo.Header("x-forwarded-host"));
        Assert.StartsWith("for=127.0.0.1", echo.Header("forwarded"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traceparent_is_continued_as_a_child_span_and_created_when_absent()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var http = fixture.CallerHttp();
        using var traced = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/callee/method/traced");
        traced.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
        traced.Headers.Add("tracestate", "vendor=value");
        using (var response = await http.SendAsync(traced))
        {
            var echo = await EchoReply.ReadAsync(response);
            var parts = echo.Header("traceparent")!.Split('-');
            Assert.Equal(["00", traceId], parts[..2]);
            Assert.NotEqual("00f067aa0ba902b7", parts[2]);
            Assert.Equal("01", parts[3]);
            Assert.Equal("vendor=value", echo.Header("tracestate"));
        }

        using var untraced = await http.GetAsync("/v1.0/invoke/callee/method/untraced");
        var created = (await EchoReply.ReadAsync(untraced)).Header("traceparent");
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-01$", created);
    }

    [Fact]
    public async Task Status_headers_and_body_of_the_callee_pass_through_unchanged()
    {
        using var http = fixture.CallerHttp();
        foreach (var status in new[] { 201, 404, 418, 500 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/invoke/callee/method/status") { Content = new StringContent("x") };
            request.Headers.Add("x-echo-status", $"{status}");
            using var response = await http.SendAsync(request);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("callee", response.Headers.GetValues("x-echo-app").Single());
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("x", (await EchoReply.ReadAsync(response)).Body);
        }
    }

    [Fact]
    public async Task The_header_form_and_basic_credentials_address_the_target_app()
    {
        using var http = fixture.CallerHttp();
        using var byHeader = new HttpRequestMessage(HttpMethod.Put, "/api/things/7?z=1") { Content = new StringContent("put-body") };
        byHeader.Headers.Add("dapr-app-id", "callee");
        using (var response = await http.SendAsync(byHeader))
        {
            var echo = await EchoReply.ReadAsync(response);
            Assert.Equal(("callee", "PUT", "/api/things/7?z=1", "put-body"), (echo.App, echo.Method, echo.RawTarget, echo.Body));
            Assert.Null(echo.Header("dapr-app-id"));
        }

        using var byBasic = new HttpRequestMessage(HttpMethod.Get, "/basic/path");
        byBasic.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("dapr-app-id:callee")));
        using var basic = await http.SendAsync(byBasic);
        var basicEcho = await EchoReply.ReadAsync(basic);
        Assert.Equal(("callee", "/basic/path"), (basicEcho.App, basicEcho.Path));
        Assert.Null(basicEcho.Header("authorization"));
    }

    [Fact]
    public async Task Without_an_app_id_the_answer_is_404_ERR_DIRECT_INVOKE()
    {
        using var http = fixture.CallerHttp();
        using var response = await http.GetAsync("/no/such/route");
        await HttpErrorAsync(response, HttpStatusCode.NotFound, "ERR_DIRECT_INVOKE");
    }

    [Fact]
    public async Task Unknown_or_unreachable_apps_give_500_ERR_DIRECT_INVOKE()
    {
        using var http = fixture.CallerHttp();
        using (var unknown = await http.GetAsync("/v1.0/invoke/nosuchapp/method/x"))
        {
            await HttpErrorAsync(unknown, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE");
        }

        using var ghost = await http.GetAsync("/v1.0/invoke/ghost/method/x");
        await HttpErrorAsync(ghost, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE");
    }

    [Fact]
    public async Task Invocation_needs_the_api_token_and_a_forged_hop_is_refused()
    {
        using var anonymous = fixture.Caller.CreateHttpClient();
        using (var response = await anonymous.GetAsync("/v1.0/invoke/callee/method/x"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // An app that knows the API token still cannot pose as another caller: the hop proof is sidecar-only.
        using var http = fixture.CallerHttp();
        using var forged = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/callee/method/x");
        forged.Headers.Add("x-finflow-hop-caller", "payments");
        forged.Headers.Add("x-finflow-hop-proof", Convert.ToBase64String(new byte[32]));
        using var refused = await http.SendAsync(forged);
        await HttpErrorAsync(refused, HttpStatusCode.Forbidden, "ERR_DIRECT_INVOKE");
    }
}
