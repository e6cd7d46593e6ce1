using Dapr.Workflow;

namespace FinFlow.Sidecar.WorkflowApp.Activities;

public sealed class SquareActivity : WorkflowActivity<int, long>
{
    public override Task<long> RunAsync(WorkflowActivityContext context, int input) => Task.FromResult((long)input * input);
}
