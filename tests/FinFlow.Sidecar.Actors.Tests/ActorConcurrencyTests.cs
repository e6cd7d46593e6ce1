using Dapr.Actors;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

[Collection(ActorProcesses.Name)]
public sealed class ActorConcurrencyTests(ActorFixture fixture)
{
    [Fact]
    public async Task Parallel_calls_to_one_actor_take_turns_while_different_actors_run_side_by_side()
    {
        var id = $"turns-{Guid.NewGuid():N}";
        var one = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => one.SlowAsync(25)));

        var events = (await fixture.App.EventsAsync(id)).Where(e => e.Kind is "enter" or "exit").OrderBy(e => e.At).ToList();
        Assert.Equal(40, events.Count);
        for (var i = 0; i < events.Count; i++) Assert.Equal(i % 2 == 0 ? "enter" : "exit", events[i].Kind);

        var prefix = $"side-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, 6).Select(i => $"{prefix}-{i}").ToList();
        await Task.WhenAll(ids.Select(other => fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(other), "CounterActor").SlowAsync(400)));
        var spans = new List<(long Enter, long Exit)>();
        foreach (var other in ids)
        {
            var log = await fixture.App.EventsAsync(other);
            spans.Add((log.Single(e => e.Kind == "enter").At, log.Single(e => e.Kind == "exit").At));
        }

        Assert.True(spans.Any(a => spans.Any(b => a != b && a.Enter < b.Exit && b.Enter < a.Exit)), "calls to different actor ids overlap");
    }

    [Fact]
    public async Task A_reentrant_type_lets_a_call_chain_come_back_into_the_same_actor()
    {
        var actor = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId($"reentrant-{Guid.NewGuid():N}"), "ReentrantCounterActor");

        Assert.Equal(3, await actor.CallSelfAsync(3));
    }

    [Fact]
    public async Task A_reentrant_chain_may_be_max_stack_depth_calls_deep_and_no_deeper()
    {
        // ReentrantCounterActor is configured with maxStackDepth 8: the outer call plus 7 nested ones fit, a ninth is
        // refused with ERR_ACTOR_STACK_DEPTH (the SDK's nested remoting exceptions do not carry the inner message).
        var actor = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId($"deep-{Guid.NewGuid():N}"), "ReentrantCounterActor");

        Assert.Equal(7, await actor.CallSelfAsync(7));
        await Assert.ThrowsAsync<ActorMethodInvocationException>(() => actor.CallSelfAsync(8));
    }
}
