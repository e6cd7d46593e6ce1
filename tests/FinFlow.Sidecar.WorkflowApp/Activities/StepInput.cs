namespace FinFlow.Sidecar.WorkflowApp.Activities;

/// <summary>One step of a chain: appends ">step" to the value, after an optional pause (the crash tests kill the app inside it).</summary>
public sealed record StepInput(string Value, int Step, int DelayMs = 0);
