using System.Security.Cryptography;
using FinFlow.Auth.Tests.Infrastructure;
using FinFlow.ServiceDefaults.Authentication;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace FinFlow.Auth.Tests;

public class JwksKeyCacheTests
{
    private readonly ManualClock _clock = new();
    private readonly FakeJwksServer _server = new();
    private readonly ECDsa _first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _second = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private JwksKeyCache Cache() => new(_server, new FinFlowJwtOptions { Issuer = "i", Audience = "a" }, _clock, NullLogger<JwksKeyCache>.Instance);

    [Fact]
    public async Task Keys_are_fetched_once_through_the_sidecar_invoke_path_and_then_served_from_memory()
    {
        _server.Jwks = JwksJson.For(("k1", _first));
        using var cache = Cache();

        await cache.EnsureFreshAsync("k1", default);
        await cache.EnsureFreshAsync("k1", default);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("http://127.0.0.1:3599/v1.0/invoke/auth/method/.well-known/jwks.json", request.ToString());
        Assert.Equal("k1", Assert.Single(cache.Resolve("k1")).KeyId);
        Assert.Empty(cache.Resolve("other"));
    }

    [Fact]
    public async Task Requests_arriving_during_the_first_fetch_wait_for_it_instead_of_seeing_no_keys()
    {
        _server.Jwks = JwksJson.For(("k1", _first));
        _server.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cache = Cache();

        var first = cache.EnsureFreshAsync("k1", default);
        while (_server.Requests.Count == 0) await Task.Delay(5);
        var late = Enumerable.Range(0, 5).Select(_ => cache.EnsureFreshAsync("k1", default)).ToList();
        await Task.Delay(100);
        Assert.All(late, task => Assert.False(task.IsCompleted, "a request went on while the first fetch was still running"));

        _server.Gate.SetResult();
        await Task.WhenAll([first, .. late]);
        Assert.Single(_server.Requests);
        Assert.Single(cache.Resolve("k1"));
    }

    [Fact]
    public async Task An_unknown_kid_refreshes_but_not_more_often_than_the_minimum_interval()
    {
        _server.Jwks = JwksJson.For(("k1", _first));
        using var cache = Cache();
        await cache.EnsureFreshAsync("k1", default);

        _server.Jwks = JwksJson.For(("k2", _second), ("k1", _first));
        await cache.EnsureFreshAsync("k2", default);
        Assert.Single(_server.Requests);

        _clock.Now += TimeSpan.FromSeconds(31);
        await cache.EnsureFreshAsync("k2", default);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(cache.Resolve("k2"));

        _clock.Now += TimeSpan.FromSeconds(31);
        await cache.EnsureFreshAsync("k2", default);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Keys_older_than_the_refresh_interval_are_refetched_and_kept_when_auth_is_down()
    {
        _server.Jwks = JwksJson.For(("k1", _first));
        using var cache = Cache();
        await cache.EnsureFreshAsync(null, default);

        _server.Down = true;
        _clock.Now += TimeSpan.FromMinutes(11);
        await cache.EnsureFreshAsync("k1", default);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Single(cache.Resolve("k1"));
    }

    [Fact]
    public async Task With_auth_down_from_the_start_there_are_no_keys_so_every_token_fails()
    {
        _server.Down = true;
        using var cache = Cache();

        await cache.EnsureFreshAsync("k1", default);

        Assert.Empty(cache.Keys);
        Assert.Empty(cache.Resolve(null));
    }
}
