using System.Text.Json;
using Dapr.Actors;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

[Collection(ActorProcesses.Name)]
public sealed class ActorMetadataTests(ActorFixture fixture)
{
    [Fact]
    public async Task Metadata_reports_the_running_actor_runtime_with_each_hosted_type_and_its_active_count()
    {
        var counter = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId($"meta-{Guid.NewGuid():N}"), "CounterActor");
        await counter.IncrementAsync(1);

        using var metadata = JsonDocument.Parse(await fixture.Http.GetStringAsync("/v1.0/metadata"));
        var runtime = metadata.RootElement.GetProperty("actorRuntime");
        Assert.Equal("RUNNING", runtime.GetProperty("runtimeStatus").GetString());
        Assert.True(runtime.GetProperty("hostReady").GetBoolean());
        var types = runtime.GetProperty("activeActors").EnumerateArray()
            .ToDictionary(t => t.GetProperty("type").GetString()!, t => t.GetProperty("count").GetInt32());
        Assert.Contains("ReentrantCounterActor", types.Keys);
        Assert.True(types["CounterActor"] >= 1, $"CounterActor count {types["CounterActor"]}");
    }
}
