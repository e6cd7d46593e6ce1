using Dapr.Workflow;
using FinFlow.Sidecar.WorkflowApp.Activities;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>Calls an activity that fails <c>input - 1</c> times under a retry policy of 4 attempts.</summary>
public sealed class RetryWorkflow : Workflow<int, long>
{
    public override Task<long> RunAsync(WorkflowContext context, int input) =>
        context.CallActivityAsync<long>(nameof(FlakyActivity), input,
            new WorkflowTaskOptions(new WorkflowRetryPolicy(4, TimeSpan.FromMilliseconds(200), 1.5)));
}
