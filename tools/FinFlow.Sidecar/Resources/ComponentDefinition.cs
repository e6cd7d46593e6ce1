namespace FinFlow.Sidecar.Resources;

/// <summary>A <c>kind: Component</c> document as daprd reads it.</summary>
public sealed record ComponentDefinition
{
    public required string Name { get; init; }

    public string? Namespace { get; init; }

    public required string Type { get; init; }

    public string Version { get; init; } = "v1";

    public IReadOnlyList<MetadataItem> Metadata { get; init; } = [];

    public string? AuthSecretStore { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = [];

    public TimeSpan InitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public bool IgnoreErrors { get; init; }

    public required string File { get; init; }

    /// <summary>The category prefix of the type: <c>state</c>, <c>pubsub</c>, <c>secretstores</c>, ...</summary>
    public string Category => Type.Split('.')[0];
}
