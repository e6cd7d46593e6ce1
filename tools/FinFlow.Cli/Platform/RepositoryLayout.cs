namespace FinFlow.Cli.Platform;

/// <summary>Where the launcher finds the solution and the built sidecar, from its own location.</summary>
public static class RepositoryLayout
{
    public const string Configuration = "Debug";
    public const string TargetFramework = "net10.0";

    public static string Root { get; } = FindRoot();

    public static string SidecarAssembly =>
        Environment.GetEnvironmentVariable("FINFLOW_SIDECAR_DLL")
        ?? Path.Combine(Root, "tools", "FinFlow.Sidecar", "bin", Configuration, TargetFramework, "FinFlow.Sidecar.dll");

    /// <summary>The built assembly of the single project in <paramref name="appDirectory"/>, or null if it holds none.</summary>
    public static string? AppAssembly(string appDirectory)
    {
        var projects = Directory.Exists(appDirectory) ? Directory.GetFiles(appDirectory, "*.csproj") : [];
        if (projects.Length != 1) return null;
        var name = Path.GetFileNameWithoutExtension(projects[0]);
        return Path.Combine(appDirectory, "bin", Configuration, TargetFramework, name + ".dll");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FinFlow.sln"))) return dir.FullName;
        }

        return Directory.GetCurrentDirectory();
    }
}
