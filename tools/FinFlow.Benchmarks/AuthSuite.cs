namespace FinFlow.Benchmarks;

/// <summary>
/// The auth suite: times Argon2id in-process, starts auth + gateway (each with its sidecar, private PostgreSQL and
/// Redis) with the launcher from a temporary run file, measures login and <c>me</c>, and always runs <c>down</c>.
/// </summary>
public static class AuthSuite
{
    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (RepositoryPaths.MissingBuildOutputs() is { } missing)
        {
            await Console.Error.WriteLineAsync($"The auth suite runs the launcher with --no-build, which needs the Debug build of the solution; missing: {missing}.\nBuild first: dotnet build   (in {RepositoryPaths.Root})");
            return 1;
        }

        Console.WriteLine($"Timing Argon2id in-process ({PasswordHashTiming.Samples} verifications and hashes, one at a time)...");
        var hash = await PasswordHashTiming.MeasureAsync(cancellationToken);

        using var run = new AuthRunFile();
        Console.WriteLine($"Starting auth and gateway with their sidecars through the launcher ({run.RunFilePath})...");
        var failed = true;
        try
        {
            var (exitCode, output) = await Launcher.RunAsync(run.RunFilePath, TimeSpan.FromMinutes(5), "up", "--detach", "--no-build");
            if (exitCode != 0)
            {
                await Console.Error.WriteLineAsync($"The launcher's up failed ({exitCode}):\n{output}");
                return 1;
            }

            cancellationToken.ThrowIfCancellationRequested();
            using var scenarios = new AuthScenarios(run, options);
            Console.WriteLine($"Registering {scenarios.Users} users through the gateway...");
            await scenarios.PrepareAsync(cancellationToken);
            Console.WriteLine("Measuring login through the gateway...");
            var login = await scenarios.LoginThroughGatewayAsync(cancellationToken);
            Console.WriteLine("Measuring me through the gateway...");
            var meGateway = await scenarios.MeThroughGatewayAsync(cancellationToken);
            Console.WriteLine("Measuring me directly on auth...");
            var meDirect = await scenarios.MeDirectAsync(cancellationToken);
            failed = false;
            AuthReport.Print(options, scenarios.Users, login, meGateway, meDirect, hash);
            return 0;
        }
        finally
        {
            await Launcher.StopPlatformAsync(run.RunFilePath, run.Folder, run.LogsFolder, failed && !cancellationToken.IsCancellationRequested);
        }
    }
}
