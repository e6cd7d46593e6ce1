using System.Globalization;

namespace FinFlow.Sidecar.Resources;

/// <summary>Reads the <c>--config</c> Configuration document.</summary>
public static class ConfigurationParser
{
    public static ConfigurationDefinition Parse(YamlCursor document)
    {
        var spec = document["spec"];
        var sampling = spec["tracing"]["samplingRate"].AsString();
        double rate = 0;
        if (sampling is not null && !double.TryParse(sampling, NumberStyles.Float, CultureInfo.InvariantCulture, out rate))
        {
            throw spec["tracing"]["samplingRate"].Error($"'{sampling}' is not a number between 0 and 1");
        }

        return new ConfigurationDefinition
        {
            Name = document["metadata"]["name"].AsString() ?? "",
            Features = spec["features"].Items().ToDictionary(f => f["name"].RequiredString(), f => f["enabled"].AsBool(false), StringComparer.Ordinal),
            SecretScopes = [.. spec["secrets"]["scopes"].Items().Select(scope => new SecretScope(
                scope["storeName"].RequiredString(),
                scope["defaultAccess"].AsString() ?? "allow",
                scope["allowedSecrets"].StringList(),
                scope["deniedSecrets"].StringList()))],
            TracingSamplingRate = rate,
            MetricsEnabled = spec["metric"]["enabled"].AsBool(true),
            ApiAllowed = [.. spec["api"]["allowed"].Items().Select(a => a["name"].RequiredString())],
            ApiDenied = [.. spec["api"]["denied"].Items().Select(a => a["name"].RequiredString())],
            NameResolutionComponent = spec["nameResolution"]["component"].AsString(),
            File = document.File,
        };
    }
}
