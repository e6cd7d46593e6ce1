namespace FinFlow.Testing;

/// <summary>How to start one sidecar process.</summary>
public sealed record SidecarLaunch
{
    public string AppId { get; init; } = "testapp";

    public IReadOnlyList<string> ResourcesPaths { get; init; } = [];

    public string? ConfigFile { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra raw arguments appended after the generated ones.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Fixed ports (e.g. to restart on the same ones); free ports are picked when null.</summary>
    public (int Http, int Grpc)? Ports { get; init; }
}
