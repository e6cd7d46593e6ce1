using System.Collections;
using FinFlow.Sidecar.Secrets;

namespace FinFlow.Sidecar.Components.LocalEnvSecrets;

/// <summary>
/// <c>secretstores.local.env</c>: secrets are the sidecar's environment variables (with an optional
/// <c>prefix</c> stripped from the names). A missing variable is an empty value, not an error, and the
/// sidecar's own tokens (<c>APP_API_TOKEN</c>, <c>DAPR_*</c>) are never handed out.
/// </summary>
public sealed class LocalEnvSecretStore(string prefix) : ISecretStore
{
    public Task<IReadOnlyDictionary<string, string>> GetSecretAsync(string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var variable = prefix + name;
        var value = IsProtected(variable) ? "" : Environment.GetEnvironmentVariable(variable) ?? "";
        return Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { [name] = value });
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkSecretAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct)
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var variable = (string)entry.Key;
            if (IsProtected(variable) || !variable.StartsWith(prefix, StringComparison.Ordinal) || variable.Length == prefix.Length) continue;
            var name = variable[prefix.Length..];
            result[name] = new Dictionary<string, string> { [name] = entry.Value as string ?? "" };
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(result);
    }

    private static bool IsProtected(string variable) =>
        variable == "APP_API_TOKEN" || variable.StartsWith("DAPR_", StringComparison.Ordinal);
}
