using Dapr.Workflow;

namespace FinFlow.Sidecar.WorkflowApp.Activities;

/// <summary>Records "started", waits, records its side effect "done", returns the extended value.</summary>
public sealed class StepActivity(SideEffects effects) : WorkflowActivity<StepInput, string>
{
    public override async Task<string> RunAsync(WorkflowActivityContext context, StepInput input)
    {
        await effects.RecordAsync(context.InstanceId, "started", context.TaskExecutionKey, input.Value);
        if (input.DelayMs > 0) await Task.Delay(input.DelayMs);
        var result = $"{input.Value}>{input.Step}";
        await effects.RecordAsync(context.InstanceId, "done", context.TaskExecutionKey, result);
        return result;
    }
}
