using Dapr.Workflow;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>Runs one child workflow and wraps its output.</summary>
public sealed class ParentWorkflow : Workflow<ParentInput, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, ParentInput input)
    {
        var options = new ChildWorkflowTaskOptions(input.ChildInstanceId);
        var result = input.Child == nameof(ChainWorkflow)
            ? await context.CallChildWorkflowAsync<string>(nameof(ChainWorkflow), new ChainInput(input.Value), options)
            : await context.CallChildWorkflowAsync<string>(input.Child, input.Value, options);
        return $"parent({result})";
    }
}
