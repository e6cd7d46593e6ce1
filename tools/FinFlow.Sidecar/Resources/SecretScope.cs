namespace FinFlow.Sidecar.Resources;

/// <summary>Configuration <c>spec.secrets.scopes[]</c>: which secrets of one store the app may read.</summary>
public sealed record SecretScope(string StoreName, string DefaultAccess, IReadOnlyList<string> AllowedSecrets, IReadOnlyList<string> DeniedSecrets)
{
    /// <summary>daprd's rule: an allow list wins; otherwise deny list, then the default access.</summary>
    public bool Permits(string secretName)
    {
        if (AllowedSecrets.Count > 0) return AllowedSecrets.Contains(secretName, StringComparer.Ordinal);
        if (DeniedSecrets.Contains(secretName, StringComparer.Ordinal)) return false;
        return !string.Equals(DefaultAccess, "deny", StringComparison.OrdinalIgnoreCase);
    }
}
