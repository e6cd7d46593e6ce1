namespace FinFlow.Sidecar.Resources;

/// <summary>One <c>routes.rules[]</c> entry: a CEL <c>match</c> and the app path it routes to.</summary>
public sealed record SubscriptionRule(string Match, string Path);
