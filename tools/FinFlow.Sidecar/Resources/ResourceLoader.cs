using Microsoft.Extensions.Logging;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FinFlow.Sidecar.Resources;

/// <summary>
/// Reads every <c>*.yaml</c>/<c>*.yml</c> directly inside each resources path (no recursion, multi-document
/// files), dispatches documents on apiVersion + kind as daprd does, and drops resources scoped to other apps.
/// </summary>
public sealed class ResourceLoader(ResourceContext context, ILogger logger)
{
    public ResourceSet Load(IEnumerable<string> resourcesPaths, string? configFile)
    {
        var components = new List<ComponentDefinition>();
        var subscriptions = new List<SubscriptionDefinition>();
        var resiliencies = new List<ResiliencyDefinition>();
        foreach (var directory in resourcesPaths)
        {
            if (!Directory.Exists(directory)) throw new ResourceException(directory, "--resources-path", "directory does not exist");
            var files = Directory.EnumerateFiles(directory)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                foreach (var document in ReadDocuments(file)) Dispatch(document, components, subscriptions, resiliencies);
            }
        }

        RejectDuplicates(components.Select(c => (c.Name, c.File)), "Component");
        RejectDuplicates(subscriptions.Select(s => (s.Name, s.File)), "Subscription");
        RejectDuplicates(resiliencies.Select(r => (r.Name, r.File)), "Resiliency");
        return new ResourceSet
        {
            Components = components,
            Subscriptions = subscriptions,
            Resiliencies = resiliencies,
            Configuration = configFile is null ? new ConfigurationDefinition() : LoadConfiguration(configFile),
        };
    }

    private static ConfigurationDefinition LoadConfiguration(string file)
    {
        if (!File.Exists(file)) throw new ResourceException(file, "--config", "file does not exist");
        var document = ReadDocuments(file).FirstOrDefault(d => d["kind"].AsString() == "Configuration")
            ?? throw new ResourceException(file, "kind", "no document of kind Configuration");
        return ConfigurationParser.Parse(document);
    }

    private void Dispatch(
        YamlCursor document, List<ComponentDefinition> components, List<SubscriptionDefinition> subscriptions, List<ResiliencyDefinition> resiliencies)
    {
        var apiVersion = document["apiVersion"].AsString();
        var kind = document["kind"].AsString();
        switch (apiVersion, kind)
        {
            case ("dapr.io/v1alpha1", "Component"):
                var component = ComponentParser.Parse(document, context);
                if (InScope(component.Scopes, component.Name, kind)) components.Add(component);
                break;
            case ("dapr.io/v2alpha1" or "dapr.io/v1alpha1", "Subscription"):
                var subscription = SubscriptionParser.Parse(document, apiVersion);
                if (InScope(subscription.Scopes, subscription.Name, kind)) subscriptions.Add(subscription);
                break;
            case ("dapr.io/v1alpha1", "Resiliency"):
                var resiliency = ResiliencyParser.Parse(document);
                if (InScope(resiliency.Scopes, resiliency.Name, kind)) resiliencies.Add(resiliency);
                break;
            case (_, "Component" or "Subscription" or "Resiliency"):
                throw document["apiVersion"].Error($"'{apiVersion}' is not a supported apiVersion for kind {kind}");
            case ("dapr.io/v1alpha1", "Configuration"):
                // Configuration only counts when passed with --config, as in daprd.
                break;
            default:
                logger.LogWarning("Skipping document of kind {Kind} ({ApiVersion}) in {File}: not a resource FinFlow.Sidecar loads", kind, apiVersion, document.File);
                break;
        }
    }

    private bool InScope(IReadOnlyList<string> scopes, string name, string kind)
    {
        if (scopes.Count == 0 || scopes.Contains(context.AppId, StringComparer.Ordinal)) return true;
        logger.LogInformation("{Kind} {Name} is scoped to other apps; skipped", kind, name);
        return false;
    }

    private static IEnumerable<YamlCursor> ReadDocuments(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ResourceException(file, $"line {e.Start.Line}, column {e.Start.Column}", $"invalid YAML: {e.Message}", e);
        }

        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlScalarNode { Value: null or "" }) continue;
            if (document.RootNode is not YamlMappingNode) throw new ResourceException(file, "(document root)", "expected a mapping");
            yield return new YamlCursor(file, "", document.RootNode);
        }
    }

    private static void RejectDuplicates(IEnumerable<(string Name, string File)> resources, string kind)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, file) in resources)
        {
            if (seen.TryGetValue(name, out var first))
            {
                throw new ResourceException(file, "metadata.name", $"duplicate {kind} name '{name}' (also defined in {first})");
            }

            seen[name] = file;
        }
    }
}
