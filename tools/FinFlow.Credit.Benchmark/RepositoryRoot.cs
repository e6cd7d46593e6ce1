namespace FinFlow.Credit.Benchmark;

/// <summary>The checkout root: the nearest directory above the working directory (or this program) holding FinFlow.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "FinFlow.sln")))
                    return directory.FullName;
        throw new DirectoryNotFoundException("Run the benchmark from inside the FinFlow checkout.");
    }
}
