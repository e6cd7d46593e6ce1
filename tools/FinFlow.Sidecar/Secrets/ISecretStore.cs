namespace FinFlow.Sidecar.Secrets;

/// <summary>The secret-store component contract (components-contrib's <c>secretstores.SecretStore</c>).</summary>
public interface ISecretStore
{
    /// <summary>The key/value map of one secret; throws <see cref="SecretNotFoundException"/> when it does not exist.</summary>
    Task<IReadOnlyDictionary<string, string>> GetSecretAsync(string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct);

    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkSecretAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct);
}
