using Dapr.Workflow;

namespace FinFlow.Benchmarks;

/// <summary>The measured workflow: three activities in a row, each adding one (daprd's perf tests chain activities the same way).</summary>
public sealed class BenchChainWorkflow : Workflow<int, int>
{
    public override async Task<int> RunAsync(WorkflowContext context, int input)
    {
        var value = input;
        for (var step = 0; step < 3; step++) value = await context.CallActivityAsync<int>(nameof(BenchStepActivity), value);
        return value;
    }
}
