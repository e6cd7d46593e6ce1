using System.Diagnostics;
using System.Net;
using Xunit;
using static FinFlow.Sidecar.Tests.Infrastructure.DaprAssert;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>The Resiliency file's app targets (contract §6.3), applied by the caller's sidecar only.</summary>
[Collection(InvocationProcesses.Name)]
public sealed class InvocationResiliencyTests(InvocationFixture fixture)
{
    [Fact]
    public async Task Matching_failures_are_retried_as_often_as_the_policy_says_even_for_post()
    {
        using var http = fixture.CallerHttp();
        var recovers = Key();
        using (var response = await http.SendAsync(Post(recovers, failTimes: 2, failStatus: 503)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var echo = await EchoReply.ReadAsync(response);
            Assert.Equal((3, "body"), (echo.Attempt, echo.Body));
        }

        var exhausted = Key();
        using (var response = await http.SendAsync(Post(exhausted, failTimes: 10, failStatus: 503)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        Assert.Equal(3, await fixture.CalleeApp.HitsAsync(exhausted));
    }

    [Fact]
    public async Task Statuses_the_policy_does_not_match_are_not_retried()
    {
        using var http = fixture.CallerHttp();
        var key = Key();
        using var response = await http.SendAsync(Post(key, failTimes: 1, failStatus: 500));
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(1, (await EchoReply.ReadAsync(response)).Attempt);
        Assert.Equal(1, await fixture.CalleeApp.HitsAsync(key));
    }

    [Fact]
    public async Task The_timeout_policy_ends_a_slow_call_with_500_ERR_DIRECT_INVOKE()
    {
        using var http = fixture.CallerHttp();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/callee/method/slow");
        request.Headers.Add("x-echo-delay-ms", "8000");
        var clock = Stopwatch.StartNew();
        using var response = await http.SendAsync(request);
        await HttpErrorAsync(response, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE");
        // Three attempts of one second each (timeouts are retried), far below the app's eight.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task The_circuit_breaker_opens_after_the_trip_condition_and_spares_the_app()
    {
        // caller → caller: self-invocation goes straight to the local app, under the breaker policy.
        using var http = fixture.CallerHttp();
        var key = Key();
        for (var i = 0; i < 2; i++)
        {
            using var failing = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/caller/method/breaker");
            failing.Headers.Add("x-echo-key", key);
            failing.Headers.Add("x-echo-status", "500");
            using var response = await http.SendAsync(failing);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("caller", response.Headers.GetValues("x-echo-app").Single());
        }

        using var refused = new HttpRequestMessage(HttpMethod.Get, "/v1.0/invoke/caller/method/breaker");
        refused.Headers.Add("x-echo-key", key);
        using var open = await http.SendAsync(refused);
        await HttpErrorAsync(open, HttpStatusCode.InternalServerError, "ERR_DIRECT_INVOKE");
        Assert.Equal(2, await fixture.CallerApp.HitsAsync(key));
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private static HttpRequestMessage Post(string key, int failTimes, int failStatus)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1.0/invoke/callee/method/flaky") { Content = new StringContent("body") };
        request.Headers.Add("x-echo-key", key);
        request.Headers.Add("x-echo-fail-times", $"{failTimes}");
        request.Headers.Add("x-echo-fail-status", $"{failStatus}");
        return request;
    }
}
