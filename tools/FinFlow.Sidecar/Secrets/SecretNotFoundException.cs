namespace FinFlow.Sidecar.Secrets;

/// <summary>A store has no secret of that name (daprd reports it as a component error: 500 ERR_SECRET_GET).</summary>
public sealed class SecretNotFoundException(string name) : Exception($"secret {name} not found")
{
    public string SecretName { get; } = name;
}
