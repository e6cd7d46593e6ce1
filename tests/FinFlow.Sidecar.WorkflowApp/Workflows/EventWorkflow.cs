using Dapr.Workflow;
using FinFlow.Sidecar.WorkflowApp.Activities;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>A step, then waits for the "approve" event, then a step with the event's payload.</summary>
public sealed class EventWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, string input)
    {
        var first = await context.CallActivityAsync<string>(nameof(StepActivity), new StepInput(input, 1));
        context.SetCustomStatus("waiting");
        var approval = await context.WaitForExternalEventAsync<string>("approve");
        context.SetCustomStatus("approved");
        return await context.CallActivityAsync<string>(nameof(StepActivity), new StepInput($"{first}:{approval}", 2));
    }
}
