namespace FinFlow.Sidecar.Resources;

/// <summary>What the loader needs to know about the running app to filter scopes and expand templates.</summary>
public sealed record ResourceContext(string AppId, string? Namespace);
