using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>The pub/sub checklist and sidecar additions on <c>pubsub.redis</c> against a real redis-server.</summary>
public sealed class RedisPubSubTests(RedisPubSubFixture fixture)
    : PubSubSidecarTests<RedisPubSubFixture>(fixture), IClassFixture<RedisPubSubFixture>;
