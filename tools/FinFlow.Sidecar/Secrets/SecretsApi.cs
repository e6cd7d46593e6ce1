using FinFlow.Sidecar.Api;
using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Secrets;

/// <summary>
/// The secrets building block: store lookup, the Configuration <c>secrets.scopes</c> ACL and daprd's
/// error mapping (contract §5; an unknown store is 401, a missing secret 500 ERR_SECRET_GET).
/// </summary>
public sealed class SecretsApi(ComponentCatalog catalog, ConfigurationDefinition configuration)
{
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(
        string storeName, string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var store = Resolve(storeName);
        if (!Permits(storeName, name)) throw DaprErrors.SecretPermissionDenied(name, storeName);
        try
        {
            return await store.GetSecretAsync(name, metadata, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw DaprErrors.SecretGet(name, storeName, error);
        }
    }

    /// <summary>Every secret the ACL lets the app see; the others are left out, not reported.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkAsync(
        string storeName, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var store = Resolve(storeName);
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> all;
        try
        {
            all = await store.GetBulkSecretAsync(metadata, ct);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw DaprErrors.BulkSecretGet(storeName, error);
        }

        return all.Where(s => Permits(storeName, s.Key)).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
    }

    private ISecretStore Resolve(string storeName)
    {
        if (catalog.SecretStores.Count == 0) throw DaprErrors.SecretStoresNotConfigured();
        return catalog.FindSecretStore(storeName) ?? throw DaprErrors.SecretStoreNotFound(storeName);
    }

    private bool Permits(string storeName, string secret) =>
        configuration.SecretScopes.FirstOrDefault(s => s.StoreName == storeName) is not { } scope || scope.Permits(secret);
}
