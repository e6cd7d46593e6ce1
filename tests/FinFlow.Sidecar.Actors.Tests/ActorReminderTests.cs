using System.Net;
using System.Text;
using Dapr.Actors;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

[Collection(ActorProcesses.Name)]
public sealed class ActorReminderTests(ActorFixture fixture)
{
    [Fact]
    public async Task A_reminder_fires_after_the_sidecar_restarted_but_a_timer_does_not()
    {
        var id = $"restart-{Guid.NewGuid():N}";
        var actor = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor");
        await actor.ScheduleReminderAsync(new ScheduleRequest("durable", 3000, null, "survives"));
        await actor.ScheduleTimerAsync(new ScheduleRequest("volatile", 3000, null, "lost"));

        await fixture.RestartSidecarAsync();

        var events = await fixture.WaitForEventsAsync(id, e => e.Any(x => x.Kind == "reminder"), TimeSpan.FromSeconds(20), "the reminder fires after the restart");
        var reminder = events.Single(e => e.Kind == "reminder");
        Assert.Equal(("durable", "survives"), (reminder.Name, reminder.Payload));
        await Task.Delay(1500);
        Assert.DoesNotContain(await fixture.App.EventsAsync(id), e => e.Kind == "timer");
        Assert.Contains("dapr_runtime_actor_reminder_lag_count", await fixture.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_graceful_sidecar_shutdown_deactivates_the_active_actors()
    {
        var id = $"shutdown-{Guid.NewGuid():N}";
        await fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor").IncrementAsync(1);

        using (var shutdown = await fixture.Http.PostAsync("/v1.0/shutdown", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, shutdown.StatusCode);
        }

        await fixture.WaitForEventsAsync(id, e => e.Any(x => x.Kind == "deactivated"), TimeSpan.FromSeconds(10), "OnDeactivateAsync on shutdown");
        await fixture.RestartSidecarAsync();
    }

    [Fact]
    public async Task Deactivation_drops_the_timer_and_the_reminder_activates_the_actor_again()
    {
        var id = $"idle-{Guid.NewGuid():N}";
        var actor = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor");
        await actor.ScheduleTimerAsync(new ScheduleRequest("short", 5500, null, "never"));
        await actor.ScheduleReminderAsync(new ScheduleRequest("wake", 5000, null, "again"));

        var events = await fixture.WaitForEventsAsync(id, e => e.Any(x => x.Kind == "reminder"), TimeSpan.FromSeconds(15), "the reminder fires");
        var deactivated = events.First(e => e.Kind == "deactivated");
        var reminder = events.Single(e => e.Kind == "reminder");
        Assert.True(deactivated.At < reminder.At, "the actor was deactivated (idle) before the reminder fired");
        Assert.Equal(2, events.Count(e => e.Kind == "activated"));
        await Task.Delay(1500);
        Assert.DoesNotContain(await fixture.App.EventsAsync(id), e => e.Kind == "timer");
    }

    [Fact]
    public async Task A_periodic_timer_fires_repeatedly_until_deleted()
    {
        var id = $"timer-{Guid.NewGuid():N}";
        var actor = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor");
        await actor.ScheduleTimerAsync(new ScheduleRequest("tick", 100, 200, "t"));

        await fixture.WaitForEventsAsync(id, e => e.Count(x => x.Kind == "timer") >= 3, TimeSpan.FromSeconds(10), "three timer ticks");
        using (var delete = await fixture.Http.DeleteAsync($"/v1.0/actors/CounterActor/{id}/timers/tick"))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        var after = (await fixture.App.EventsAsync(id)).Count(e => e.Kind == "timer");
        await Task.Delay(800);
        Assert.InRange((await fixture.App.EventsAsync(id)).Count(e => e.Kind == "timer"), after, after + 1);
    }

    [Fact]
    public async Task Repetitions_limit_a_periodic_reminder()
    {
        var id = $"repeat-{Guid.NewGuid():N}";
        var actor = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor");
        await actor.ScheduleReminderAsync(new ScheduleRequest("thrice", 100, 1000, "r", repetitions: 3));

        await fixture.WaitForEventsAsync(id, e => e.Count(x => x.Kind == "reminder") == 3, TimeSpan.FromSeconds(10), "three reminder fires");
        await Task.Delay(1500);
        Assert.Equal(3, (await fixture.App.EventsAsync(id)).Count(e => e.Kind == "reminder"));
        using var get = await fixture.Http.GetAsync($"/v1.0/actors/CounterActor/{id}/reminders/thrice");
        await DaprAssert.HttpErrorAsync(get, HttpStatusCode.NotFound, "ERR_ACTOR_REMINDER_NOT_FOUND");
    }

    [Fact]
    public async Task A_reminder_registered_over_http_stops_at_its_ttl_and_reports_its_schedule()
    {
        var id = $"ttl-{Guid.NewGuid():N}";
        var data = Convert.ToBase64String(Encoding.UTF8.GetBytes("http"));
        using (var create = await fixture.PostAsync($"/v1.0/actors/CounterActor/{id}/reminders/bounded",
            new { dueTime = "200ms", period = "PT1S", ttl = "2500ms", data }))
        {
            Assert.Equal(HttpStatusCode.NoContent, create.StatusCode);
        }

        using (var get = await fixture.Http.GetAsync($"/v1.0/actors/CounterActor/{id}/reminders/bounded"))
        {
            var body = await get.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.Contains("\"period\":\"@every 1s\"", body, StringComparison.Ordinal);
            Assert.Contains("\"dueTime\":\"200ms\"", body, StringComparison.Ordinal);
        }

        // Due at 0.2 s, then 1.2 s and 2.2 s; 3.2 s is past the ttl (0.2 s + 2.5 s).
        await fixture.WaitForEventsAsync(id, e => e.Count(x => x.Kind == "reminder") == 3, TimeSpan.FromSeconds(10), "three fires inside the ttl");
        await Task.Delay(1500);
        var fires = (await fixture.App.EventsAsync(id)).Where(e => e.Kind == "reminder").ToList();
        Assert.Equal(3, fires.Count);
        Assert.All(fires, f => Assert.Equal("http", f.Payload));
    }
}
