using System.Collections.Concurrent;
using FinFlow.Contracts;
using NJsonSchema;

namespace FinFlow.Testing;

/// <summary>Validates a published payload against the JSON Schema FinFlow.Contracts ships for its topic.</summary>
public static class EventSchemaValidator
{
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Schemas = new();

    /// <summary>The schema violations of <paramref name="json"/>, as "path: kind" strings; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(string topic, string json)
    {
        var schema = Schemas.GetOrAdd(topic, t => new Lazy<JsonSchema>(
            () => JsonSchema.FromJsonAsync(EventSchemas.For(t)).GetAwaiter().GetResult())).Value;
        return schema.Validate(json).Select(error => $"{error.Path?.TrimStart('#', '/')}: {error.Kind}").ToList();
    }
}
