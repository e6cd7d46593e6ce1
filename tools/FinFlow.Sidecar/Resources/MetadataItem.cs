namespace FinFlow.Sidecar.Resources;

/// <summary>One entry of <c>spec.metadata</c>; exactly one of value, secret reference or environment reference is set.</summary>
public sealed record MetadataItem(string Name, string? Value, SecretKeyRef? SecretKeyRef, string? EnvRef, string Field);
