namespace FinFlow.Contracts;

/// <summary>The JSON Schema (draft-07) of each topic's payload, shipped inside this assembly.</summary>
public static class EventSchemas
{
    public static string For(string topic)
    {
        var name = $"FinFlow.Contracts.Schemas.{topic}.schema.json";
        using var stream = typeof(EventSchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"No schema is shipped for topic '{topic}'.", nameof(topic));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
