using YamlDotNet.RepresentationModel;

namespace FinFlow.Sidecar.Resources;

/// <summary>
/// Walks a YAML node while remembering the file and the field path, so every validation error can say
/// exactly where it is. Keys match case-insensitively because daprd decodes resources through Go's
/// encoding/json, which does the same.
/// </summary>
public sealed class YamlCursor(string file, string path, YamlNode? node)
{
    public string File { get; } = file;

    public string Path { get; } = path;

    public YamlNode? Node { get; } = node is YamlScalarNode { Value: null or "" or "~" or "null", Style: YamlDotNet.Core.ScalarStyle.Plain } ? null : node;

    public bool Exists => Node is not null;

    public YamlCursor this[string key]
    {
        get
        {
            var childPath = Path.Length == 0 ? key : $"{Path}.{key}";
            if (Node is null) return new YamlCursor(File, childPath, null);
            if (Node is not YamlMappingNode mapping) throw Error("expected a mapping");
            foreach (var (k, v) in mapping.Children)
            {
                if (k is YamlScalarNode { Value: { } name } && string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return new YamlCursor(File, childPath, v);
                }
            }

            return new YamlCursor(File, childPath, null);
        }
    }

    public string? AsString()
    {
        if (Node is null) return null;
        return Node is YamlScalarNode scalar ? scalar.Value ?? "" : throw Error("expected a scalar value");
    }

    public string RequiredString()
    {
        var value = AsString();
        return string.IsNullOrWhiteSpace(value) ? throw Error("is required") : value;
    }

    public bool AsBool(bool fallback)
    {
        var text = AsString();
        if (text is null) return fallback;
        return bool.TryParse(text, out var value) ? value : throw Error($"'{text}' is not a boolean");
    }

    public int AsInt(int fallback)
    {
        var text = AsString();
        if (text is null) return fallback;
        return int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"'{text}' is not an integer");
    }

    public TimeSpan AsDuration(TimeSpan fallback)
    {
        var text = AsString();
        if (text is null) return fallback;
        return GoDuration.TryParse(text, out var value) ? value : throw Error($"'{text}' is not a duration (e.g. 5s, 1m30s, 500ms)");
    }

    public IEnumerable<YamlCursor> Items()
    {
        if (Node is null) yield break;
        if (Node is not YamlSequenceNode sequence) throw Error("expected a list");
        var index = 0;
        foreach (var child in sequence.Children) yield return new YamlCursor(File, $"{Path}[{index++}]", child);
    }

    public IEnumerable<KeyValuePair<string, YamlCursor>> Entries()
    {
        if (Node is null) yield break;
        if (Node is not YamlMappingNode mapping) throw Error("expected a mapping");
        foreach (var (k, v) in mapping.Children)
        {
            var name = (k as YamlScalarNode)?.Value ?? throw new ResourceException(File, Path, "keys must be scalars");
            yield return new(name, new YamlCursor(File, Path.Length == 0 ? name : $"{Path}.{name}", v));
        }
    }

    public IReadOnlyList<string> StringList() => [.. Items().Select(item => item.AsString() ?? "")];

    public IReadOnlyDictionary<string, string> StringMap() =>
        Entries().ToDictionary(entry => entry.Key, entry => entry.Value.AsString() ?? "", StringComparer.Ordinal);

    public ResourceException Error(string problem) => new(File, Path, problem);
}
