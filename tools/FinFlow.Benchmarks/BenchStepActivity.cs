using Dapr.Workflow;

namespace FinFlow.Benchmarks;

/// <summary>A trivial activity, so the figures are the engine's and the protocol's cost, not the work's.</summary>
public sealed class BenchStepActivity : WorkflowActivity<int, int>
{
    public override Task<int> RunAsync(WorkflowActivityContext context, int input) => Task.FromResult(input + 1);
}
