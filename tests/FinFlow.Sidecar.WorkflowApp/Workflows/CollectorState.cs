namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>The ContinueAsNew state: items collected so far, one per execution.</summary>
public sealed record CollectorState(int Target, IReadOnlyList<string> Items);
