namespace FinFlow.Sidecar.WorkflowApp.Workflows;

public sealed record TimerInput(string Value, double Seconds);
