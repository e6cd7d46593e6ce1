using FinFlow.Credit.Scoring.Data;

namespace FinFlow.Credit.Scoring.Tests;

/// <summary>Paths inside the checkout the tests run from (the data and model files are committed).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string TaiwanCsv => Path.Combine(Root, "services", "Credit", "data", TaiwanCreditFile.FileName);

    public static string GermanCsv => Path.Combine(Root, "services", "Credit", "data", GermanCreditFile.FileName);

    public static string ModelsDirectory => Path.Combine(Root, "services", "Credit", "models");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "FinFlow.sln")))
                return directory.FullName;
        throw new DirectoryNotFoundException("FinFlow.sln not found above the test output directory.");
    }
}
