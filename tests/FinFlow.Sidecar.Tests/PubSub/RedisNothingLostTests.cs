using Xunit;

namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>
/// Nothing lost on <c>pubsub.redis</c>: a message is XACKed only once the app took it, so crashes of the
/// app or of the sidecar leave it pending in Redis, and it is redelivered after restart.
/// </summary>
public sealed class RedisNothingLostTests(RedisRestartFixture fixture) : IClassFixture<RedisRestartFixture>
{
    private static readonly TimeSpan Redelivery = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task App_killed_while_handling_a_message_gets_it_again_after_restart()
    {
        await fixture.KillAppAsync();
        await fixture.StartAppAsync(allowHang: true);
        var run = Guid.NewGuid().ToString("N");
        await fixture.Client.PublishEventAsync(PubSubFixture.PubSub, RedisRestartFixture.Topic, new TestEvent(run, 1, "hang"));
        await Infrastructure.DaprAssert.EventuallyAsync(
            async () => (await fixture.App.ReceivedAsync()).Any(d => d.Body.Contains(run, StringComparison.Ordinal) && d.Outcome == "hanging"),
            TimeSpan.FromSeconds(10), "the app is handling the message");

        await fixture.KillAppAsync();
        await fixture.StartAppAsync(allowHang: false);

        await Infrastructure.DaprAssert.EventuallyAsync(
            async () => (await fixture.App.ReceivedAsync()).Any(d => d.Body.Contains(run, StringComparison.Ordinal) && d.Outcome == "success"),
            Redelivery, $"the message redelivered to the restarted app\n{fixture.Sidecar.Output}");
    }

    [Fact]
    public async Task Sidecar_killed_and_restarted_loses_no_published_but_undelivered_message()
    {
        // With the app down every delivery fails, so the messages are in Redis but not delivered.
        await fixture.KillAppAsync();
        var run = Guid.NewGuid().ToString("N");
        for (var seq = 0; seq < 5; seq++) await fixture.Client.PublishEventAsync(PubSubFixture.PubSub, RedisRestartFixture.Topic, new TestEvent(run, seq));

        await fixture.CrashSidecarAsync();
        await fixture.StartAppAsync(allowHang: false);
        await fixture.StartSidecarAsync();

        await Infrastructure.DaprAssert.EventuallyAsync(
            async () => (await fixture.App.ReceivedAsync()).Where(d => d.Body.Contains(run, StringComparison.Ordinal) && d.Outcome == "success")
                .Select(d => d.Body).Distinct().Count() == 5,
            Redelivery, $"all 5 messages delivered after the crash\n{fixture.Sidecar.Output}");
    }
}
