using System.Net;
using System.Net.Http.Json;
using Dapr.Actors;
using Dapr.Actors.Client;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using Npgsql;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

[Collection(ActorProcesses.Name)]
public sealed class ActorStateTests(ActorFixture fixture)
{
    [Fact]
    public async Task State_saved_by_a_remoting_proxy_call_round_trips_and_is_stored_under_daprds_key()
    {
        var id = $"state-{Guid.NewGuid():N}";
        var counter = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor");

        Assert.Equal(5, await counter.IncrementAsync(5));
        Assert.Equal(12, await counter.IncrementAsync(7));
        Assert.Equal(12, await counter.GetCountAsync());

        using var get = await fixture.Http.GetAsync($"/v1.0/actors/CounterActor/{id}/state/count");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("12", await get.Content.ReadAsStringAsync());

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT convert_from(value, 'UTF8') FROM state WHERE key = $1", connection);
        command.Parameters.AddWithValue($"{ActorFixture.AppId}||CounterActor||{id}||count");
        Assert.Equal("12", await command.ExecuteScalarAsync());
        Assert.Contains($"dapr_runtime_actor_invocations_total{{app_id=\"{ActorFixture.AppId}\",actor_type=\"CounterActor\",success=\"true\"}}",
            await fixture.MetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_remoting_proxy_call_reads_the_same_state()
    {
        var id = $"plain-{Guid.NewGuid():N}";
        var proxy = fixture.Proxies.Create(new ActorId(id), "CounterActor");

        Assert.Equal(3, await proxy.InvokeMethodAsync<int, int>("IncrementAsync", 3));
        Assert.Equal(3, await proxy.InvokeMethodAsync<int>("GetCountAsync"));
    }

    [Fact]
    public async Task The_transaction_api_upserts_and_deletes_for_an_active_actor_and_honours_ttl()
    {
        var id = $"tx-{Guid.NewGuid():N}";
        await fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor").GetCountAsync();
        var path = $"/v1.0/actors/CounterActor/{id}/state";

        using (var upsert = await fixture.Http.PutAsJsonAsync(path, new object[]
        {
            new { operation = "upsert", request = new { key = "a", value = new { amount = 1250, currency = "EUR" } } },
            new { operation = "upsert", request = new { key = "b", value = "gone soon", metadata = new { ttlInSeconds = "3600" } } },
        }))
        {
            Assert.Equal(HttpStatusCode.NoContent, upsert.StatusCode);
        }

        using (var a = await fixture.Http.GetAsync($"{path}/a"))
        {
            Assert.Equal("{\"amount\":1250,\"currency\":\"EUR\"}", await a.Content.ReadAsStringAsync());
        }

        using (var b = await fixture.Http.GetAsync($"{path}/b"))
        {
            Assert.Equal("\"gone soon\"", await b.Content.ReadAsStringAsync());
            Assert.True(b.Headers.Contains("metadata.ttlExpireTime"), "a key with ttlInSeconds reports its expiry");
        }

        using (var delete = await fixture.PostAsync(path, new object[] { new { operation = "delete", request = new { key = "a" } } }))
        {
            Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        }

        using var missing = await fixture.Http.GetAsync($"{path}/a");
        Assert.Equal(HttpStatusCode.NoContent, missing.StatusCode);
    }

    [Fact]
    public async Task A_transaction_for_an_actor_that_is_not_active_is_refused_like_daprd()
    {
        using var response = await fixture.PostAsync($"/v1.0/actors/CounterActor/never-activated-{Guid.NewGuid():N}/state",
            new object[] { new { operation = "upsert", request = new { key = "k", value = 1 } } });

        await DaprAssert.HttpErrorAsync(response, HttpStatusCode.BadRequest, "ERR_ACTOR_INSTANCE_MISSING");
    }

    [Fact]
    public async Task An_exception_in_a_remoted_actor_method_reaches_the_caller_as_the_sdks_invocation_exception()
    {
        var counter = fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId($"fail-{Guid.NewGuid():N}"), "CounterActor");

        var error = await Assert.ThrowsAsync<ActorMethodInvocationException>(() => counter.FailAsync("boom"));

        Assert.Contains("boom", error.InnerException?.Message ?? error.Message, StringComparison.Ordinal);
    }
}
