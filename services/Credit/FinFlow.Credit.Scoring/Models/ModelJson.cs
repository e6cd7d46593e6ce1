using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinFlow.Credit.Scoring.Models;

/// <summary>JSON settings of the model files: camelCase, indented, enums as names; doubles round-trip exactly.</summary>
public static class ModelJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static T Read<T>(string path) =>
        JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path} holds no {typeof(T).Name}.");

    public static void Write<T>(string path, T value) => File.WriteAllText(path, JsonSerializer.Serialize(value, Options) + "\n");
}
