using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>
/// The money suite (issue 8): starts auth, accounting, payments and the gateway (each with its sidecar, private
/// PostgreSQL and Redis) with the launcher from a temporary run file, runs the whole money loop through the gateway
/// at fixed concurrency, checks a few users' trial balances, and always runs <c>down</c>.
/// </summary>
public static class MoneySuite
{
    /// <summary>Lower than the other suites' 16: each loop keeps a worker polling, and four apps share the cores.</summary>
    public const int DefaultConcurrency = 8;

    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(20);

    /// <summary>The first loop waits for each service's first JWKS fetch and the subscriptions; longer than one loop's timeout.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(90);

    public static async Task<int> RunAsync(BenchmarkOptions shared, CancellationToken cancellationToken)
    {
        var options = shared with
        {
            Concurrency = shared.ConcurrencyGiven ? shared.Concurrency : DefaultConcurrency,
            Duration = shared.DurationGiven ? shared.Duration : DefaultDuration,
        };
        if (MoneyRunFile.MissingBuildOutputs() is { } missing)
        {
            await Console.Error.WriteLineAsync($"The money suite runs the launcher with --no-build, which needs the Debug build of the solution; missing: {missing}.\nBuild first: dotnet build   (in {RepositoryPaths.Root})");
            return 1;
        }

        using var run = new MoneyRunFile();
        Console.WriteLine($"Starting auth, accounting, payments and gateway with their sidecars through the launcher ({run.RunFilePath})...");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  simulated processor settle delay {MoneyRunFile.SettleDelayMilliseconds} ms (Payments__Simulated__SettleDelayMilliseconds); gateway per-user limit raised (Gateway__PerUserRequestsPer10Seconds)"));
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
            using var client = new MoneyClient(run.GatewayUrl, options.Concurrency * 2);
            var loop = new MoneyLoop(client, options);
            Console.WriteLine($"Registering {loop.Users} users through the gateway...");
            await loop.PrepareAsync(cancellationToken);
            Console.WriteLine("Running one loop until the platform answers end to end (JWKS fetches, subscriptions)...");
            await loop.ProbeAsync(ProbeTimeout, cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Measuring the money loop: {options.Warmup.TotalSeconds:0.#} s warm-up, then {options.Duration.TotalSeconds:0.#} s at concurrency {options.Concurrency}..."));
            var results = await loop.RunAsync(cancellationToken);
            Console.WriteLine($"Checking the trial balance of {Math.Min(MoneyLedgerCheck.UsersToCheck, loop.Users)} users...");
            var ledger = await MoneyLedgerCheck.RunAsync(client, loop, cancellationToken);
            failed = !ledger.Ok || results.Loop.Operations == 0;
            MoneyReport.Print(options, results, ledger);
            return failed ? 1 : 0;
        }
        finally
        {
            await Launcher.StopPlatformAsync(run.RunFilePath, run.Folder, run.LogsFolder, failed && !cancellationToken.IsCancellationRequested);
        }
    }
}
