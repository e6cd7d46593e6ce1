using Dapr.Workflow;
using FinFlow.Sidecar.WorkflowApp.Activities;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>Activities one after another; output "value>1>2>3".</summary>
public sealed class ChainWorkflow : Workflow<ChainInput, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, ChainInput input)
    {
        var value = input.Value;
        for (var step = 1; step <= input.Steps; step++)
        {
            context.SetCustomStatus($"step {step}");
            value = await context.CallActivityAsync<string>(nameof(StepActivity), new StepInput(value, step, input.DelayMs));
        }

        return value;
    }
}
