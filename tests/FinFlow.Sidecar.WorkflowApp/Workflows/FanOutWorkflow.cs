using Dapr.Workflow;
using FinFlow.Sidecar.WorkflowApp.Activities;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>Squares 1..n in parallel and sums them.</summary>
public sealed class FanOutWorkflow : Workflow<int, long>
{
    public override async Task<long> RunAsync(WorkflowContext context, int input)
    {
        var squares = Enumerable.Range(1, input).Select(i => context.CallActivityAsync<long>(nameof(SquareActivity), i)).ToList();
        return (await Task.WhenAll(squares)).Sum();
    }
}
