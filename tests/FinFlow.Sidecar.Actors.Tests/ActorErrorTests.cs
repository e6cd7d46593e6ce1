using System.Net;
using Dapr.Actors;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

[Collection(ActorProcesses.Name)]
public sealed class ActorErrorTests(ActorFixture fixture)
{
    [Fact]
    public async Task Invoking_an_actor_type_no_app_hosts_is_daprds_invoke_error()
    {
        using var response = await fixture.PostAsync("/v1.0/actors/NoSuchActor/1/method/anything", new { });

        await DaprAssert.HttpErrorAsync(response, HttpStatusCode.InternalServerError, "ERR_ACTOR_INVOKE_METHOD");
        Assert.Contains("did not find address for actor", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sdk_sees_the_unknown_type_as_a_dapr_api_exception_with_daprds_error_code()
    {
        var proxy = fixture.Proxies.Create(new ActorId("1"), "NoSuchActor");

        var error = await Assert.ThrowsAsync<Dapr.DaprApiException>(() => proxy.InvokeMethodAsync<int>("Anything"));

        Assert.Equal("ERR_ACTOR_INVOKE_METHOD", error.ErrorCode);
    }

    [Fact]
    public async Task Reminders_and_timers_for_a_type_not_hosted_here_are_refused()
    {
        using var reminder = await fixture.PostAsync("/v1.0/actors/NoSuchActor/1/reminders/r", new { dueTime = "1s" });
        await DaprAssert.HttpErrorAsync(reminder, HttpStatusCode.Forbidden, "ERR_ACTOR_REMINDER_NON_HOSTED");

        using var timer = await fixture.PostAsync("/v1.0/actors/NoSuchActor/1/timers/t", new { dueTime = "1s", callback = "x" });
        await DaprAssert.HttpErrorAsync(timer, HttpStatusCode.InternalServerError, "ERR_ACTOR_TIMER_CREATE");
    }

    [Theory]
    [InlineData("P1M", "1s", null)] // calendar periods cannot become the scheduler's "@every"
    [InlineData("every second", null, null)]
    [InlineData("R0/PT1S", null, null)]
    [InlineData(null, "tomorrow", null)]
    [InlineData(null, null, null)] // neither due time nor period
    [InlineData(null, "5s", "10s")] // a ttl needs a period
    [InlineData("1s", "10s", "2000-01-01T00:00:00Z")] // the ttl ends before the due time
    public async Task Bad_reminder_schedules_are_daprds_reminder_create_error(string? period, string? dueTime, string? ttl)
    {
        using var response = await fixture.PostAsync($"/v1.0/actors/CounterActor/bad/reminders/r", new { period, dueTime, ttl });

        await DaprAssert.HttpErrorAsync(response, HttpStatusCode.InternalServerError, "ERR_ACTOR_REMINDER_CREATE");
    }

    [Fact]
    public async Task Malformed_bodies_missing_reminders_and_refused_overwrites_answer_like_daprd()
    {
        using var malformed = await fixture.Http.PostAsync("/v1.0/actors/CounterActor/bad/reminders/r", new StringContent("{not json"));
        await DaprAssert.HttpErrorAsync(malformed, HttpStatusCode.BadRequest, "ERR_MALFORMED_REQUEST");

        using var wrongType = await fixture.PostAsync("/v1.0/actors/CounterActor/bad/reminders/r", new { dueTime = 5 });
        await DaprAssert.HttpErrorAsync(wrongType, HttpStatusCode.BadRequest, "ERR_MALFORMED_REQUEST");

        using var badName = await fixture.PostAsync("/v1.0/actors/CounterActor/bad/reminders/bad%23name", new { dueTime = "1s" });
        await DaprAssert.HttpErrorAsync(badName, HttpStatusCode.BadRequest, "ERR_BAD_REQUEST");

        using var missing = await fixture.Http.GetAsync($"/v1.0/actors/CounterActor/bad/reminders/none-{Guid.NewGuid():N}");
        await DaprAssert.HttpErrorAsync(missing, HttpStatusCode.NotFound, "ERR_ACTOR_REMINDER_NOT_FOUND");

        var id = $"overwrite-{Guid.NewGuid():N}";
        using (var first = await fixture.PostAsync($"/v1.0/actors/CounterActor/{id}/reminders/once", new { dueTime = "1h" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await fixture.PostAsync($"/v1.0/actors/CounterActor/{id}/reminders/once", new { dueTime = "2h", overwrite = false });
        await DaprAssert.HttpErrorAsync(second, HttpStatusCode.Conflict, "ERR_ACTOR_REMINDER_ALREADY_EXISTS");
        using var delete = await fixture.Http.DeleteAsync($"/v1.0/actors/CounterActor/{id}/reminders/once");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
    }

    [Fact]
    public async Task An_unparsable_actor_state_ttl_is_daprds_transaction_save_error()
    {
        var id = $"ttl-flag-{Guid.NewGuid():N}";
        await fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor").GetCountAsync();
        using var response = await fixture.PostAsync($"/v1.0/actors/CounterActor/{id}/state",
            new object[] { new { operation = "upsert", request = new { key = "k", value = 1, metadata = new { ttlInSeconds = "soon" } } } });

        await DaprAssert.HttpErrorAsync(response, HttpStatusCode.InternalServerError, "ERR_ACTOR_STATE_TRANSACTION_SAVE");
    }
}
