using System.Text.Json;
using FinFlow.Sidecar.Secrets;

namespace FinFlow.Sidecar.Components.LocalFileSecrets;

/// <summary>
/// <c>secretstores.local.file</c>: a JSON file read once at start. Without <c>multiValued</c> every leaf
/// becomes its own secret named by its path joined with <c>nestedSeparator</c>; with it, each top-level
/// key is a secret whose (flattened) children are its keys.
/// </summary>
public sealed class LocalFileSecretStore : ISecretStore
{
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _secrets = new(StringComparer.Ordinal);

    public LocalFileSecretStore(JsonElement root, string separator, bool multiValued)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new InvalidDataException("the secrets file must hold a JSON object");
        if (!multiValued)
        {
            foreach (var (key, value) in Flatten(root, "", separator)) _secrets[key] = new Dictionary<string, string> { [key] = value };
            return;
        }

        foreach (var property in root.EnumerateObject())
        {
            _secrets[property.Name] = property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                ? Flatten(property.Value, "", separator).ToDictionary(StringComparer.Ordinal)
                : new Dictionary<string, string> { [property.Name] = Leaf(property.Value) };
        }
    }

    public Task<IReadOnlyDictionary<string, string>> GetSecretAsync(string name, IReadOnlyDictionary<string, string> metadata, CancellationToken ct) =>
        _secrets.TryGetValue(name, out var secret) ? Task.FromResult(secret) : throw new SecretNotFoundException(name);

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetBulkSecretAsync(
        IReadOnlyDictionary<string, string> metadata, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(_secrets);

    private static IEnumerable<KeyValuePair<string, string>> Flatten(JsonElement element, string prefix, string separator)
    {
        string Join(string name) => prefix.Length == 0 ? name : prefix + separator + name;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    foreach (var leaf in Flatten(property.Value, Join(property.Name), separator)) yield return leaf;
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var leaf in Flatten(item, Join((index++).ToString(System.Globalization.CultureInfo.InvariantCulture)), separator)) yield return leaf;
                }

                break;
            default:
                yield return new(prefix, Leaf(element));
                break;
        }
    }

    private static string Leaf(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Null => "",
        _ => element.GetRawText(),
    };
}
