namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>Which child to run (ChainWorkflow or EventWorkflow), with what value and child instance id.</summary>
public sealed record ParentInput(string Child, string Value, string ChildInstanceId);
