using Dapr.Client;
using Microsoft.Extensions.Configuration;

namespace FinFlow.ServiceDefaults;

/// <summary>
/// Reads secrets once at start-up, waiting for the sidecar first. A missing secret stops the service:
/// starting without its credentials would only fail later, less clearly.
/// </summary>
internal sealed class DaprSecretStoreConfigurationProvider(DaprSecretStoreConfigurationSource source) : ConfigurationProvider
{
    public override void Load() => LoadAsync().GetAwaiter().GetResult();

    private async Task LoadAsync()
    {
        using var dapr = new DaprClientBuilder().Build();
        using (var wait = new CancellationTokenSource(source.SidecarWait))
        {
            try
            {
                await dapr.WaitForSidecarAsync(wait.Token);
            }
            catch (OperationCanceledException e)
            {
                throw new InvalidOperationException(
                    $"The Dapr sidecar did not answer within {source.SidecarWait.TotalSeconds:0} s, so secrets from '{source.Store}' could not be read.", e);
            }
        }

        foreach (var (secretName, configurationKey) in source.SecretToKey)
        {
            var values = await dapr.GetSecretAsync(source.Store, secretName);
            // Single-valued stores (local file, env) answer {name: value}; Kubernetes answers every key of the secret.
            var value = values.TryGetValue(secretName, out var named) ? named
                : values.Count == 1 ? values.Values.Single()
                : throw new InvalidOperationException($"Secret '{secretName}' in '{source.Store}' has no key named '{secretName}'.");
            Data[configurationKey] = value;
        }
    }
}
