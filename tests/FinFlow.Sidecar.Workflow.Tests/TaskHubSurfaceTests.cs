using Dapr.DurableTask.Protobuf;
using Dapr.Workflow;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using FinFlow.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests;

/// <summary>The edges of TaskHubSidecarService: RPCs it does not implement, no actor state store, metrics.</summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class TaskHubSurfaceTests(WorkflowFixture fixture)
{
    [Fact]
    public async Task An_rpc_the_engine_does_not_implement_answers_Unimplemented()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Rig.Sidecar.GrpcEndpoint);
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RerunWorkflowFromEventAsync(new RerunWorkflowFromEventRequest { SourceInstanceID = "x", EventID = 1 }));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
        await client.HelloAsync(new Google.Protobuf.WellKnownTypes.Empty());
    }

    [Fact]
    public async Task Without_an_actor_state_store_the_workflow_rpcs_answer_FailedPrecondition()
    {
        await using var sidecar = await SidecarProcess.StartAsync(new SidecarLaunch { AppId = "nostore" });
        var client = WorkflowRig.CreateClient(sidecar.GrpcEndpoint, out var services);
        await using var _ = services;

        var error = await Assert.ThrowsAsync<RpcException>(() => client.ScheduleNewWorkflowAsync("ChainWorkflow", "x1", "x"));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("actorStateStore", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_an_api_token_the_official_worker_and_client_send_it_and_a_call_without_it_is_refused()
    {
        var rig = await fixture.CreateRigAsync("wftoken", apiToken: "wf-secret-token");
        var id = WorkflowPatternTests.NewId("token");
        await rig.Client.ScheduleNewWorkflowAsync("ChainWorkflow", id, new { value = "k", steps = 1, delayMs = 0 });

        Assert.Equal("k>1", (await rig.WaitForCompletionAsync(id)).ReadOutputAs<string>());
        using var channel = GrpcChannel.ForAddress(rig.Sidecar.GrpcEndpoint);
        var anonymous = new TaskHubSidecarService.TaskHubSidecarServiceClient(channel);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await anonymous.GetInstanceAsync(new GetInstanceRequest { InstanceId = id }));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Metrics_report_turns_activity_latency_and_pending_timers()
    {
        var id = WorkflowPatternTests.NewId("metrics");
        await fixture.Rig.Client.ScheduleNewWorkflowAsync("ChainWorkflow", id, new { value = "m", steps = 1, delayMs = 0 });
        await fixture.Rig.WaitForCompletionAsync(id);
        using var http = fixture.Rig.Sidecar.CreateHttpClient();

        var text = await http.GetStringAsync("/metrics");

        Assert.Matches("dapr_runtime_workflow_execution_count\\{app_id=\"wfapp\",status=\"completed\"\\} [1-9]", text);
        Assert.Matches("dapr_runtime_workflow_activity_execution_latency_count\\{app_id=\"wfapp\",activity_name=\"StepActivity\",status=\"success\"\\} [1-9]", text);
        Assert.Contains("finflow_workflow_pending_timers{app_id=\"wfapp\"}", text, StringComparison.Ordinal);
    }
}
