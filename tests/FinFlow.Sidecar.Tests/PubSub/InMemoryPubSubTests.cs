using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>The pub/sub checklist and sidecar additions on <c>pubsub.in-memory</c>.</summary>
public sealed class InMemoryPubSubTests(InMemoryPubSubFixture fixture)
    : PubSubSidecarTests<InMemoryPubSubFixture>(fixture), IClassFixture<InMemoryPubSubFixture>;
