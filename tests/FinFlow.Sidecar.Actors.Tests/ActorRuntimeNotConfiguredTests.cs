using System.Net;
using FinFlow.Sidecar.Actors.Tests.Infrastructure;
using FinFlow.Testing;
using Xunit;

namespace FinFlow.Sidecar.Actors.Tests;

/// <summary>A sidecar with no state store marked actorStateStore: daprd's answers when the actor runtime has nowhere to keep state.</summary>
[Collection(ActorProcesses.Name)]
public sealed class ActorRuntimeNotConfiguredTests
{
    [Fact]
    public async Task Every_actor_api_answers_with_daprds_not_configured_errors()
    {
        await using var sidecar = await SidecarProcess.StartAsync(new SidecarLaunch { AppId = "no-actor-store" });
        using var http = sidecar.CreateHttpClient();

        using var state = await http.GetAsync("/v1.0/actors/CounterActor/1/state/count");
        await DaprAssert.HttpErrorAsync(state, HttpStatusCode.InternalServerError, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        using var reminder = await http.PostAsync("/v1.0/actors/CounterActor/1/reminders/r", new StringContent("""{"dueTime":"1s"}"""));
        await DaprAssert.HttpErrorAsync(reminder, HttpStatusCode.InternalServerError, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        using var invoke = await http.PutAsync("/v1.0/actors/CounterActor/1/method/GetCountAsync", new StringContent(""));
        await DaprAssert.HttpErrorAsync(invoke, HttpStatusCode.InternalServerError, "ERR_ACTOR_INVOKE_METHOD");
    }
}
