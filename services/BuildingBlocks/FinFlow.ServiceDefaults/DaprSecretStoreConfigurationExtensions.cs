using Microsoft.Extensions.Configuration;

namespace FinFlow.ServiceDefaults;

public static class DaprSecretStoreConfigurationExtensions
{
    /// <summary>
    /// Maps secret-store entries onto configuration keys, skipping keys that already have a value, so
    /// tests and local overrides inject values directly and never need a sidecar for them.
    /// </summary>
    public static IConfigurationManager AddDaprSecrets(
        this IConfigurationManager configuration, string store, IReadOnlyDictionary<string, string> secretToKey)
    {
        var missing = secretToKey
            .Where(pair => string.IsNullOrEmpty(configuration[pair.Value]))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        if (missing.Count == 0) return configuration;

        var wait = TimeSpan.FromSeconds(configuration.GetValue("Dapr:SidecarWaitSeconds", 60));
        configuration.Add(new DaprSecretStoreConfigurationSource(store, missing, wait));
        return configuration;
    }
}
