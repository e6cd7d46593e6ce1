namespace FinFlow.Cli.RunFiles;

/// <summary>A Dapr multi-app run file (<c>dapr.yaml</c>) as the launcher uses it.</summary>
public sealed record RunFile(
    string Path,
    IReadOnlyList<string> ResourcesPaths,
    string? ConfigFile,
    IReadOnlyList<RunFileApp> Apps)
{
    /// <summary>The folder holding the run file: relative paths and <c>.finflow/</c> live here.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path)!;
}
