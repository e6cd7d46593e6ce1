using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Resources;
using FinFlow.Sidecar.Secrets;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Components;

/// <summary>
/// Turns component definitions into running components: checks every type and version first (so an
/// unsupported file fails fast), starts secret stores before the components whose <c>secretKeyRef</c>s
/// they resolve, and enforces <c>initTimeout</c> / <c>ignoreErrors</c> as daprd does.
/// </summary>
public sealed class ComponentLoader(ComponentRegistry registry, SidecarOptions options, ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ComponentLoader>();

    public async Task<ComponentCatalog> LoadAsync(IReadOnlyList<ComponentDefinition> definitions, CancellationToken ct)
    {
        foreach (var definition in definitions) Validate(definition);
        var loaded = new List<LoadedComponent>();
        try
        {
            foreach (var definition in definitions.OrderBy(d => d.Category == "secretstores" ? 0 : 1))
            {
                var component = await InitializeAsync(definition, loaded, ct);
                if (component is not null) loaded.Add(component);
            }

            return new ComponentCatalog(loaded);
        }
        catch
        {
            await new ComponentCatalog(loaded).DisposeAsync();
            throw;
        }
    }

    private void Validate(ComponentDefinition definition)
    {
        var factory = registry.Find(definition.Type) ?? throw new ResourceException(
            definition.File, "spec.type",
            $"component type '{definition.Type}' is not supported by FinFlow.Sidecar (supported: {string.Join(", ", registry.Types.Order(StringComparer.Ordinal))})");
        if (!factory.Versions.Contains(definition.Version, StringComparer.Ordinal))
        {
            throw new ResourceException(
                definition.File, "spec.version",
                $"version '{definition.Version}' of {definition.Type} is not supported (supported: {string.Join(", ", factory.Versions)})");
        }
    }

    private async Task<LoadedComponent?> InitializeAsync(ComponentDefinition definition, List<LoadedComponent> loaded, CancellationToken ct)
    {
        var metadata = new ComponentMetadata(definition, await ResolveAsync(definition, loaded, ct));
        var factory = registry.Find(definition.Type)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(definition.InitTimeout);
        try
        {
            var instance = await factory.CreateAsync(new ComponentInitContext(metadata, options, loggerFactory), timeout.Token);
            var capabilities = (instance as ICapabilityReporter)?.Capabilities ?? [];
            _logger.LogInformation("Component loaded: {Name} ({Type}/{Version})", definition.Name, definition.Type, definition.Version);
            return new LoadedComponent(definition, metadata, instance, capabilities);
        }
        catch (ResourceException)
        {
            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var problem = error is OperationCanceledException ? $"init timed out after {definition.InitTimeout}" : $"init failed: {error.Message}";
            if (!definition.IgnoreErrors) throw new ResourceException(definition.File, "spec", $"component {definition.Name}: {problem}", error);
            _logger.LogWarning(error, "Component {Name} failed to initialise and is skipped (ignoreErrors: true): {Problem}", definition.Name, problem);
            return null;
        }
    }

    private async Task<Dictionary<string, string>> ResolveAsync(ComponentDefinition definition, List<LoadedComponent> loaded, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in definition.Metadata)
        {
            if (item.Value is not null)
            {
                values[item.Name] = item.Value;
            }
            else if (item.EnvRef is { } variable)
            {
                if (variable == "APP_API_TOKEN" || variable.StartsWith("DAPR_", StringComparison.Ordinal))
                {
                    throw new ResourceException(definition.File, $"{item.Field}.envRef", $"environment variable {variable} may not be referenced");
                }

                values[item.Name] = Environment.GetEnvironmentVariable(variable) ?? "";
            }
            else if (item.SecretKeyRef is { } reference)
            {
                values[item.Name] = await ResolveSecretAsync(definition, item, reference, loaded, ct);
            }
        }

        return values;
    }

    private async Task<string> ResolveSecretAsync(
        ComponentDefinition definition, MetadataItem item, SecretKeyRef reference, List<LoadedComponent> loaded, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(definition.AuthSecretStore))
        {
            // Self-hosted daprd has no default secret store: the reference stays unresolved, with a warning.
            _logger.LogWarning("Component {Name}: metadata {Item} uses secretKeyRef but auth.secretStore is not set", definition.Name, item.Name);
            return "";
        }

        var store = loaded.FirstOrDefault(c => c.Definition.Name == definition.AuthSecretStore)?.Instance as ISecretStore
            ?? throw new ResourceException(definition.File, "auth.secretStore", $"secret store '{definition.AuthSecretStore}' is not loaded");
        try
        {
            var secret = await store.GetSecretAsync(reference.Name, new Dictionary<string, string>(), ct);
            return secret.TryGetValue(reference.Key, out var value)
                ? value
                : throw new ResourceException(definition.File, $"{item.Field}.secretKeyRef.key", $"secret '{reference.Name}' has no key '{reference.Key}'");
        }
        catch (SecretNotFoundException)
        {
            throw new ResourceException(
                definition.File, $"{item.Field}.secretKeyRef.name", $"secret '{reference.Name}' not found in secret store '{definition.AuthSecretStore}'");
        }
    }
}
