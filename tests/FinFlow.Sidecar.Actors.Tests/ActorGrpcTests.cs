using System.Text;
using Dapr.Actors;
using Dapr.Client.Autogen.Grpc.v1;
using FinFlow.Sidecar.ActorApp.Contracts;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

[Collection(ActorProcesses.Name)]
public sealed class ActorGrpcTests(ActorFixture fixture)
{
    [Fact]
    public async Task The_actor_rpcs_invoke_read_state_and_refuse_unknown_types()
    {
        var id = $"grpc-{Guid.NewGuid():N}";
        await fixture.Proxies.CreateActorProxy<ICounterActor>(new ActorId(id), "CounterActor").IncrementAsync(4);
        using var channel = GrpcChannel.ForAddress(fixture.Sidecar.GrpcEndpoint);
        var client = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel);

        var invoked = await client.InvokeActorAsync(new InvokeActorRequest
        {
            ActorType = "CounterActor", ActorId = id, Method = "IncrementAsync", Data = ByteString.CopyFromUtf8("2"),
        });
        Assert.Equal("6", invoked.Data.ToStringUtf8());

        var state = await client.GetActorStateAsync(new GetActorStateRequest { ActorType = "CounterActor", ActorId = id, Key = "count" });
        Assert.Equal("6", Encoding.UTF8.GetString(state.Data.ToByteArray()));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.InvokeActorAsync(new InvokeActorRequest { ActorType = "NoSuchActor", ActorId = "1", Method = "m" }));
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task A_reminder_registered_over_grpc_delivers_its_bytes_to_the_sdk()
    {
        var id = $"grpc-reminder-{Guid.NewGuid():N}";
        using var channel = GrpcChannel.ForAddress(fixture.Sidecar.GrpcEndpoint);
        var client = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel);

        await client.RegisterActorReminderAsync(new RegisterActorReminderRequest
        {
            ActorType = "CounterActor", ActorId = id, Name = "from-grpc", DueTime = "100ms", Data = ByteString.CopyFromUtf8("raw bytes"),
        });

        var events = await fixture.WaitForEventsAsync(id, e => e.Any(x => x.Kind == "reminder"), TimeSpan.FromSeconds(10), "the gRPC reminder fires");
        Assert.Equal("raw bytes", events.Single(e => e.Kind == "reminder").Payload);
    }

    [Fact]
    public async Task Reminders_of_an_actor_can_be_listed_and_removed_together_over_grpc()
    {
        var id = $"grpc-list-{Guid.NewGuid():N}";
        using var channel = GrpcChannel.ForAddress(fixture.Sidecar.GrpcEndpoint);
        var client = new Dapr.Client.Autogen.Grpc.v1.Dapr.DaprClient(channel);
        foreach (var name in new[] { "first", "second" })
        {
            await client.RegisterActorReminderAsync(new RegisterActorReminderRequest
            {
                ActorType = "CounterActor", ActorId = id, Name = name, DueTime = "1h", Period = "R2/PT1H",
            });
        }

        var listed = await client.ListActorRemindersAsync(new ListActorRemindersRequest { ActorType = "CounterActor", ActorId = id });
        Assert.Equal(["first", "second"], listed.Reminders.Select(r => r.Name));
        Assert.All(listed.Reminders, r => Assert.Equal("@every 1h0m0s", r.Reminder.Period));

        await client.UnregisterActorRemindersByTypeAsync(new UnregisterActorRemindersByTypeRequest { ActorType = "CounterActor", ActorId = id });
        Assert.Empty((await client.ListActorRemindersAsync(new ListActorRemindersRequest { ActorType = "CounterActor", ActorId = id })).Reminders);
    }
}
