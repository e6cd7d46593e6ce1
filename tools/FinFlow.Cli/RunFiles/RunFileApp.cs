namespace FinFlow.Cli.RunFiles;

/// <summary>One app of a Dapr multi-app run file, with its paths made absolute.</summary>
public sealed record RunFileApp(
    string AppId,
    string AppDirectory,
    int AppPort,
    int DaprHttpPort,
    int DaprGrpcPort,
    IReadOnlyList<string> Command,
    IReadOnlyDictionary<string, string> Environment);
