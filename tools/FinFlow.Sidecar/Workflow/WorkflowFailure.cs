namespace FinFlow.Sidecar.Workflow;

/// <summary>Why an instance failed, as the worker reported it (TaskFailureDetails).</summary>
public sealed record WorkflowFailure(string ErrorType, string ErrorMessage, string? StackTrace);
