using System.Globalization;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Components;

/// <summary>
/// A component's metadata after secret and environment references were resolved. Names match
/// case-insensitively (daprd decodes metadata that way); every error names the file and the field.
/// </summary>
public sealed class ComponentMetadata(ComponentDefinition definition, IReadOnlyDictionary<string, string> values)
{
    private readonly Dictionary<string, string> _values = new(values, StringComparer.OrdinalIgnoreCase);

    public ComponentDefinition Definition { get; } = definition;

    public IReadOnlyDictionary<string, string> Values => _values;

    public string? Get(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string Required(string name) => Get(name) ?? throw Error(name, "is required");

    public bool Bool(string name, bool fallback)
    {
        var text = Get(name);
        if (text is null) return fallback;
        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "y" or "on" => true,
            "false" or "0" or "no" or "n" or "off" => false,
            _ => throw Error(name, $"'{text}' is not a boolean"),
        };
    }

    public int Number(string name, int fallback)
    {
        var text = Get(name);
        if (text is null) return fallback;
        return int.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : throw Error(name, $"'{text}' is not an integer");
    }

    /// <summary>A Go duration, or a bare number of seconds as components-contrib's decoder also accepts.</summary>
    public TimeSpan Duration(string name, TimeSpan fallback)
    {
        var text = Get(name);
        if (text is null) return fallback;
        if (long.TryParse(text, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        return GoDuration.TryParse(text, out var value) ? value : throw Error(name, $"'{text}' is not a duration (e.g. 30s, 1h)");
    }

    public ResourceException Error(string name, string problem)
    {
        var item = Definition.Metadata.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        var field = item is null ? $"spec.metadata[name={name}]" : $"{item.Field}.value ({name})";
        return new ResourceException(Definition.File, field, problem);
    }
}
