using System.Reflection;

namespace FinFlow.Benchmarks;

/// <summary>
/// Where the auth suite finds what the launcher runs: the repository (recorded at build time) and the Debug
/// build outputs the launcher expects (<c>dotnet build</c> of the solution makes them).
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Launcher => DebugOutput(Path.Combine("tools", "FinFlow.Cli"), "finflow.dll");

    public static string AuthDirectory => Path.Combine(Root, "services", "Auth", "FinFlow.Auth");

    public static string GatewayDirectory => Path.Combine(Root, "services", "Gateway", "FinFlow.Gateway");

    /// <summary>The launcher runs these from their Debug output (<c>--no-build</c>); null when all exist, else what is missing.</summary>
    public static string? MissingBuildOutputs()
    {
        var missing = new[]
        {
            Launcher,
            DebugOutput(Path.Combine("tools", "FinFlow.Sidecar"), "FinFlow.Sidecar.dll"),
            DebugOutput(Path.Combine("services", "Auth", "FinFlow.Auth"), "FinFlow.Auth.dll"),
            DebugOutput(Path.Combine("services", "Gateway", "FinFlow.Gateway"), "FinFlow.Gateway.dll"),
        }.Where(path => !File.Exists(path)).ToList();
        return missing.Count == 0 ? null : string.Join(", ", missing);
    }

    private static string DebugOutput(string project, string assembly) => Path.Combine(Root, project, "bin", "Debug", "net10.0", assembly);
}
