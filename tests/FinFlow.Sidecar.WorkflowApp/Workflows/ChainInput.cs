namespace FinFlow.Sidecar.WorkflowApp.Workflows;

/// <summary>A chain of <see cref="Steps"/> activities, each pausing <see cref="DelayMs"/>.</summary>
public sealed record ChainInput(string Value, int Steps = 3, int DelayMs = 0);
