namespace FinFlow.Sidecar.Resources;

/// <summary>The <c>--config</c> file (<c>kind: Configuration</c>); only the parts the sidecar acts on are typed.</summary>
public sealed record ConfigurationDefinition
{
    public string Name { get; init; } = "";

    public IReadOnlyDictionary<string, bool> Features { get; init; } = new Dictionary<string, bool>();

    public IReadOnlyList<SecretScope> SecretScopes { get; init; } = [];

    public double TracingSamplingRate { get; init; }

    public bool MetricsEnabled { get; init; } = true;

    public IReadOnlyList<string> ApiAllowed { get; init; } = [];

    public IReadOnlyList<string> ApiDenied { get; init; } = [];

    public string? NameResolutionComponent { get; init; }

    public string? File { get; init; }
}
