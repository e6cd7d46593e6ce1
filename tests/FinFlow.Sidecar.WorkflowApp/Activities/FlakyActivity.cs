using Dapr.Workflow;

namespace FinFlow.Sidecar.WorkflowApp.Activities;

/// <summary>Fails until it has been attempted <c>input</c> times for this instance; returns the attempt that succeeded.</summary>
public sealed class FlakyActivity(SideEffects effects) : WorkflowActivity<int, long>
{
    public override async Task<long> RunAsync(WorkflowActivityContext context, int input)
    {
        await effects.RecordAsync(context.InstanceId, "attempt", context.TaskExecutionKey, null);
        var attempts = await effects.CountAsync(context.InstanceId, "attempt");
        if (attempts < input) throw new InvalidOperationException($"attempt {attempts} of {input} fails on purpose");
        return attempts;
    }
}
