using System.Diagnostics;
using FinFlow.Cli.Platform;

namespace FinFlow.Cli.Tests;

/// <summary>Runs the built launcher as its own process, as ./finflow does.</summary>
internal static class CliRun
{
    public static string Assembly => Path.Combine(RepositoryLayout.Root, "tools", "FinFlow.Cli", "bin", RepositoryLayout.Configuration, RepositoryLayout.TargetFramework, "finflow.dll");

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string runFile, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[Assembly, "--file", runFile, .. arguments]) startInfo.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) startInfo.Environment[key] = value;
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
