using System.Text.Json;
using FinFlow.Sidecar.Actors;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

public sealed class ActorHostConfigTests
{
    [Fact]
    public void The_sdks_dapr_config_answer_gives_types_defaults_and_per_type_overrides()
    {
        // The shape Dapr.Actors 1.18.7 writes (ActorRuntime.SerializeSettingsAndRegisteredTypes).
        using var json = JsonDocument.Parse("""
            {"entities":["A","B"],"actorIdleTimeout":"0h0m2s500ms","actorScanInterval":"0h0m0s500ms","drainOngoingCallTimeout":"0h1m0s0ms",
             "reentrancy":{"enabled":false},
             "entitiesConfig":[{"entities":["B"],"reentrancy":{"enabled":true,"maxStackDepth":8}},{"entities":["Ghost"],"actorIdleTimeout":"1h"}]}
            """);

        var config = ActorHostConfig.Parse(json.RootElement);

        Assert.Equal(["A", "B"], config.Types.Order());
        Assert.False(config.Hosts("Ghost"));
        Assert.Equal(TimeSpan.FromMilliseconds(2500), config.For("A").IdleTimeout);
        Assert.False(config.For("A").ReentrancyEnabled);
        Assert.True(config.For("B").ReentrancyEnabled);
        Assert.Equal(8, config.For("B").MaxStackDepth);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), config.For("B").IdleTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.ScanInterval);
    }

    [Fact]
    public void An_app_without_actors_or_with_odd_values_keeps_daprds_defaults()
    {
        using var json = JsonDocument.Parse("""{"ENTITIES":[],"actorIdleTimeout":"soon"}""");

        var config = ActorHostConfig.Parse(json.RootElement);

        Assert.Empty(config.Types);
        Assert.Equal(TimeSpan.FromMinutes(60), config.Defaults.IdleTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), config.ScanInterval);
    }
}
