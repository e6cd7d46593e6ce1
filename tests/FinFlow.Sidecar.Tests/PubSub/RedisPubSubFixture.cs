using FinFlow.Testing;
using FinFlow.LocalInfra;
using FinFlow.Sidecar.Tests.Infrastructure;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// The pub/sub fixture on <c>pubsub.redis</c> against a private, password-protected redis-server; the
/// password reaches the component through <c>secretKeyRef</c>, and redelivery is shortened for tests.
/// </summary>
public sealed class RedisPubSubFixture : PubSubFixture
{
    private RedisServer? _redis;

    public override bool ChecksOrder => false;

    public override async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerOptions { Password = "redis-secret" });
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }

    protected override Task<string> ComponentYamlAsync(ResourceDirectory resources) =>
        Task.FromResult(RedisComponents.Yaml(resources, _redis!, "protectedTopics", "secret-topic"));
}
