using Dapr.Workflow;

namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>
/// Takes one "item" event per execution and continues as new until it has <see cref="CollectorState.Target"/> items.
/// Items raised early are carried over by ContinueAsNew (preserveUnprocessedEvents).
/// </summary>
public sealed class CollectorWorkflow : Workflow<CollectorState, string>
{
    public override async Task<string> RunAsync(WorkflowContext context, CollectorState input)
    {
        var item = await context.WaitForExternalEventAsync<string>("item");
        var items = input.Items.Append(item).ToList();
        if (items.Count >= input.Target) return string.Join(",", items);
        context.ContinueAsNew(new CollectorState(input.Target, items), preserveUnprocessedEvents: true);
        return "";
    }
}
