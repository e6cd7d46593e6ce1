namespace FinFlow.Sidecar.Resources;

/// <summary>Reads a <c>kind: Component</c> document into a <see cref="ComponentDefinition"/>.</summary>
public static class ComponentParser
{
    public static ComponentDefinition Parse(YamlCursor document, ResourceContext context)
    {
        var metadata = document["metadata"];
        var spec = document["spec"];
        if (!spec.Exists) throw spec.Error("is required");
        var items = new List<MetadataItem>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in spec["metadata"].Items())
        {
            var name = item["name"].RequiredString();
            if (!seen.Add(name)) throw item["name"].Error($"metadata '{name}' appears twice");
            items.Add(ParseItem(item, name, context));
        }

        var type = spec["type"].RequiredString();
        if (!type.Contains('.', StringComparison.Ordinal)) throw spec["type"].Error($"'{type}' is not a component type such as state.postgresql");
        return new ComponentDefinition
        {
            Name = metadata["name"].RequiredString(),
            Namespace = metadata["namespace"].AsString(),
            Type = type,
            Version = spec["version"].AsString() is { Length: > 0 } version ? version : "v1",
            Metadata = items,
            AuthSecretStore = document["auth"]["secretStore"].AsString(),
            Scopes = document["scopes"].StringList(),
            InitTimeout = spec["initTimeout"].AsDuration(TimeSpan.FromSeconds(5)),
            IgnoreErrors = spec["ignoreErrors"].AsBool(false),
            File = document.File,
        };
    }

    private static MetadataItem ParseItem(YamlCursor item, string name, ResourceContext context)
    {
        var value = item["value"];
        var secretRef = item["secretKeyRef"];
        var envRef = item["envRef"];
        var sources = (value.Exists ? 1 : 0) + (secretRef.Exists ? 1 : 0) + (envRef.Exists ? 1 : 0);
        if (sources > 1) throw item.Error($"metadata '{name}' sets more than one of value, secretKeyRef and envRef");
        if (secretRef.Exists)
        {
            var secretName = secretRef["name"].RequiredString();
            var key = secretRef["key"].AsString();
            return new MetadataItem(name, null, new SecretKeyRef(secretName, string.IsNullOrEmpty(key) ? secretName : key), null, item.Path);
        }

        if (envRef.Exists) return new MetadataItem(name, null, null, envRef.RequiredString(), item.Path);

        // YAML scalars are compared as text, as daprd does (numbers and booleans arrive as their literal form).
        var text = value.Node is YamlDotNet.RepresentationModel.YamlScalarNode ? value.AsString() ?? "" : value.Exists ? throw value.Error("expected a scalar value") : "";
        return new MetadataItem(name, MetadataTemplates.Expand(text, context), null, null, item.Path);
    }
}
