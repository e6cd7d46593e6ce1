using Microsoft.Extensions.Configuration;

namespace FinFlow.ServiceDefaults;

/// <summary>Configuration keys filled from Dapr secret-store entries at start-up (secret name → configuration key).</summary>
public sealed class DaprSecretStoreConfigurationSource(string store, IReadOnlyDictionary<string, string> secretToKey, TimeSpan sidecarWait)
    : IConfigurationSource
{
    public string Store { get; } = store;

    public IReadOnlyDictionary<string, string> SecretToKey { get; } = secretToKey;

    public TimeSpan SidecarWait { get; } = sidecarWait;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DaprSecretStoreConfigurationProvider(this);
}
