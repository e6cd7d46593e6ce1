using Dapr.Workflow;
using FinFlow.Sidecar.WorkflowApp.Activities;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>A step, a durable timer, a step; the output says whether the replayed clock moved by the timer's length.</summary>
public sealed class TimerWorkflow : Workflow<TimerInput, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, TimerInput input)
    {
        var first = await context.CallActivityAsync<string>(nameof(StepActivity), new StepInput(input.Value, 1));
        var before = context.CurrentUtcDateTime;
        await context.CreateTimer(TimeSpan.FromSeconds(input.Seconds));
        var waited = context.CurrentUtcDateTime - before >= TimeSpan.FromSeconds(input.Seconds);
        var second = await context.CallActivityAsync<string>(nameof(StepActivity), new StepInput(first, 2));
        return $"{second} waited={waited}";
    }
}
