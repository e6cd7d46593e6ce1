using System.Net;
using System.Text;
using System.Text.Json;
using FinFlow.Sidecar.Workflow.Tests.Infrastructure;
using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests;

/// <summary>The HTTP management API reaches the same engine: a workflow started over HTTP runs on the official worker.</summary>
[Collection(WorkflowTestGroup.Name)]
public sealed class WorkflowHttpSmokeTests(WorkflowFixture fixture)
{
    [Fact]
    public async Task A_workflow_started_over_http_completes_and_reads_back_over_http()
    {
        var id = WorkflowPatternTests.NewId("http");
        using var http = fixture.Rig.Sidecar.CreateHttpClient();
        using var body = new StringContent("""{"value":"h","steps":1,"delayMs":0}""", Encoding.UTF8, "application/json");

        using var started = await http.PostAsync($"/v1.0/workflows/dapr/ChainWorkflow/start?instanceID={id}", body);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        await fixture.Rig.WaitForCompletionAsync(id);

        using var document = JsonDocument.Parse(await http.GetStringAsync($"/v1.0/workflows/dapr/{id}"));
        var root = document.RootElement;
        Assert.Equal("COMPLETED", root.GetProperty("runtimeStatus").GetString());
        Assert.Equal("ChainWorkflow", root.GetProperty("workflowName").GetString());
        // The output is the worker's JSON text, passed through unchanged (System.Text.Json writes '>' as \u003E).
        var output = root.GetProperty("properties").GetProperty("dapr.workflow.output").GetString()!;
        Assert.Equal("h>1", JsonSerializer.Deserialize<string>(output));

        // The app's worker holds a GetWorkItems stream open, which daprd's metadata reports as a connected worker.
        using var metadata = JsonDocument.Parse(await http.GetStringAsync("/v1.0/metadata"));
        Assert.True(metadata.RootElement.GetProperty("workflows").GetProperty("connectedWorkers").GetInt32() >= 1);
    }
}
