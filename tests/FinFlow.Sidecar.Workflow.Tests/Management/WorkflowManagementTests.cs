using System.Net;
using System.Text;
using System.Text.Json;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using Xunit;
using DaprGrpc = Dapr.Client.Autogen.Grpc.v1.Dapr;

namespace FinFlow.Sidecar.Workflow.Tests.Management;

/// <summary>
/// The management surfaces of contract §7.2-7.3 against daprd's status codes and error codes
/// (pkg/messages/predefined.go): HTTP under v1.0 and v1.0-beta1, gRPC Beta1 and Alpha1.
/// </summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class WorkflowManagementTests(WorkflowFixture collection, WorkflowManagementFixture fixture) : IClassFixture<WorkflowManagementFixture>
{
    [Fact]
    public async Task Start_answers_202_with_the_id_and_get_reports_name_status_and_the_raw_input()
    {
        var (engine, channel) = await fixture.EngineAsync(collection);
        using var http = engine.CreateHttpClient();
        var id = NewId();
        using var started = await http.PostAsync($"/v1.0/workflows/dapr/Reconcile/start?instanceID={id}", Text("{\"month\":\"2026-10\"}"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal(id, (await JsonAsync(started)).GetProperty("instanceID").GetString());

        using var got = await http.GetAsync($"/v1.0-beta1/workflows/dapr/{id}");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
        var body = await JsonAsync(got);
        Assert.Equal(id, body.GetProperty("instanceID").GetString());
        Assert.Equal("Reconcile", body.GetProperty("workflowName").GetString());
        // No worker is connected, so the instance has not run a turn.
        Assert.Contains(body.GetProperty("runtimeStatus").GetString(), new[] { "PENDING", "RUNNING" });
        Assert.Equal("{\"month\":\"2026-10\"}", body.GetProperty("properties").GetProperty("dapr.workflow.input").GetString());
        Assert.True(DateTimeOffset.Parse(body.GetProperty("createdAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Start_without_an_id_makes_a_uuid()
    {
        var (engine, channel) = await fixture.EngineAsync(collection);
        using var http = engine.CreateHttpClient();
        using var started = await http.PostAsync("/v1.0/workflows/dapr/Reconcile/start", Text(""));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.True(Guid.TryParse((await JsonAsync(started)).GetProperty("instanceID").GetString(), out _));
    }

    [Theory]
    [InlineData("bad$id", "ERR_INSTANCE_ID_INVALID")]
    [InlineData("has.dot", "ERR_INSTANCE_ID_INVALID")]
    [InlineData("x1234567890123456789012345678901234567890123456789012345678901234", "ERR_INSTANCE_ID_TOO_LONG")]
    public async Task A_bad_instance_id_on_start_is_400_over_http_and_invalid_argument_over_grpc(string id, string errorCode)
    {
        var (engine, channel) = await fixture.EngineAsync(collection);
        using var http = engine.CreateHttpClient();
        using var response = await http.PostAsync($"/v1.0/workflows/dapr/Reconcile/start?instanceID={Uri.EscapeDataString(id)}", Text(""));
        await HttpErrorAsync(response, HttpStatusCode.BadRequest, errorCode);

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new DaprGrpc.DaprClient(channel).StartWorkflowBeta1Async(new StartWorkflowRequest { InstanceId = id, WorkflowName = "Reconcile", WorkflowComponent = "dapr" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task An_unknown_instance_is_404_over_http_but_an_empty_answer_over_grpc()
    {
        var (engine, channel) = await fixture.EngineAsync(collection);
        using var http = engine.CreateHttpClient();
        var id = NewId();
        using var got = await http.GetAsync($"/v1.0/workflows/dapr/{id}");
        await HttpErrorAsync(got, HttpStatusCode.NotFound, "ERR_INSTANCE_ID_NOT_FOUND");
        using var terminated = await http.PostAsync($"/v1.0/workflows/dapr/{id}/terminate", null);
        await HttpErrorAsync(terminated, HttpStatusCode.NotFound, "ERR_INSTANCE_ID_NOT_FOUND");
        using var purged = await http.PostAsync($"/v1.0/workflows/dapr/{id}/purge", null);
        await HttpErrorAsync(purged, HttpStatusCode.NotFound, "ERR_INSTANCE_ID_NOT_FOUND");
        using var raised = await http.PostAsync($"/v1.0/workflows/dapr/{id}/raiseEvent/approved", Text("true"));
        await HttpErrorAsync(raised, HttpStatusCode.InternalServerError, "ERR_RAISE_EVENT_WORKFLOW");

        var grpc = await new DaprGrpc.DaprClient(channel).GetWorkflowBeta1Async(new GetWorkflowRequest { InstanceId = id, WorkflowComponent = "dapr" });
        Assert.Equal(id, grpc.InstanceId);
        Assert.Equal("", grpc.WorkflowName);
        Assert.Null(grpc.CreatedAt);
        Assert.Empty(grpc.Properties);
    }

    [Fact]
    public async Task Purging_an_instance_that_has_not_finished_is_refused_and_it_stays()
    {
        var (engine, channel) = await fixture.EngineAsync(collection);
        using var http = engine.CreateHttpClient();
        var id = NewId();
        (await http.PostAsync($"/v1.0/workflows/dapr/Reconcile/start?instanceID={id}", Text("1"))).Dispose();
        using var purged = await http.PostAsync($"/v1.0/workflows/dapr/{id}/purge", null);
        await HttpErrorAsync(purged, HttpStatusCode.InternalServerError, "ERR_PURGE_WORKFLOW");
        using var got = await http.GetAsync($"/v1.0/workflows/dapr/{id}");
        Assert.Equal(HttpStatusCode.OK, got.StatusCode);
    }

    [Fact]
    public async Task Starting_a_second_time_while_the_first_runs_is_refused()
    {
        var (_, channel) = await fixture.EngineAsync(collection);
        var grpc = new DaprGrpc.DaprClient(channel);
        var id = NewId();
        await grpc.StartWorkflowBeta1Async(new StartWorkflowRequest { InstanceId = id, WorkflowName = "Reconcile", WorkflowComponent = "dapr" });
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.StartWorkflowBeta1Async(new StartWorkflowRequest { InstanceId = id, WorkflowName = "Reconcile", WorkflowComponent = "dapr" }).ResponseAsync);
        Assert.Equal(StatusCode.Internal, error.StatusCode);
        Assert.Contains("error starting workflow 'Reconcile'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_names_and_bad_options_get_daprds_codes()
    {
        var (engine, channel) = await fixture.EngineAsync(collection);
        var grpc = new DaprGrpc.DaprClient(channel);
        var noName = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.StartWorkflowBeta1Async(new StartWorkflowRequest { InstanceId = NewId(), WorkflowComponent = "dapr" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noName.StatusCode);
        Assert.Contains("workflow name is not configured", noName.Status.Detail, StringComparison.Ordinal);

        var noEvent = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.RaiseEventWorkflowBeta1Async(new RaiseEventWorkflowRequest { InstanceId = NewId(), WorkflowComponent = "dapr" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noEvent.StatusCode);

        var noId = await Assert.ThrowsAsync<RpcException>(() =>
            grpc.TerminateWorkflowBeta1Async(new TerminateWorkflowRequest { WorkflowComponent = "dapr" }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, noId.StatusCode);

        var badTime = await Assert.ThrowsAsync<RpcException>(() => grpc.StartWorkflowBeta1Async(new StartWorkflowRequest
        {
            InstanceId = NewId(), WorkflowName = "Reconcile", WorkflowComponent = "dapr", Options = { ["dapr.workflow.start_time"] = "tomorrow" },
        }).ResponseAsync);
        Assert.Equal(StatusCode.Internal, badTime.StatusCode);
        Assert.Contains("RFC3339", badTime.Status.Detail, StringComparison.Ordinal);

        using var http = engine.CreateHttpClient();
        using var badApp = await http.PostAsync($"/v1.0/workflows/dapr/Reconcile/start?instanceID={NewId()}&appID=bad.app", Text(""));
        await HttpErrorAsync(badApp, HttpStatusCode.BadRequest, "ERR_WORKFLOW_APP_ID_INVALID");
    }

    [Fact]
    public async Task Without_an_actor_state_store_every_call_says_the_actor_runtime_is_missing()
    {
        using var http = fixture.NoEngine.CreateHttpClient();
        using var started = await http.PostAsync("/v1.0/workflows/dapr/Reconcile/start?instanceID=x1", Text(""));
        await HttpErrorAsync(started, HttpStatusCode.InternalServerError, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        using var got = await http.GetAsync("/v1.0/workflows/dapr/x1");
        await HttpErrorAsync(got, HttpStatusCode.InternalServerError, "ERR_ACTOR_RUNTIME_NOT_FOUND");
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            new DaprGrpc.DaprClient(fixture.NoEngineChannel).GetWorkflowBeta1Async(new GetWorkflowRequest { InstanceId = "x1", WorkflowComponent = "dapr" }).ResponseAsync);
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    private static string NewId() => "m" + Guid.NewGuid().ToString("N");

    private static StringContent Text(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task HttpErrorAsync(HttpResponseMessage response, HttpStatusCode status, string errorCode)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(errorCode, JsonDocument.Parse(body).RootElement.GetProperty("errorCode").GetString());
    }
}
