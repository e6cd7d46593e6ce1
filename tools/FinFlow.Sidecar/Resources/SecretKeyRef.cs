namespace FinFlow.Sidecar.Resources;

/// <summary><c>secretKeyRef{name,key}</c>: a metadata value read from the component's <c>auth.secretStore</c>.</summary>
public sealed record SecretKeyRef(string Name, string Key);
