using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>
/// The credit suite (issue 10): starts auth, credit and the gateway with the launcher, signs in one user per
/// worker, and measures <c>POST /api/credit/score</c> through the gateway (gateway → two sidecars → credit, which
/// scores in-process and writes the decision to its database) at fixed concurrency.
/// </summary>
public static class CreditSuite
{
    public static readonly IReadOnlyList<string> AppIds = ["auth", "credit", "gateway"];

    public static readonly IReadOnlyList<(string App, string Key, string Value, string Why)> Settings =
    [
        ("auth", "Auth__RateLimit__PermitLimit", "1000000", "registrations+logins per client address (shipped 10 / 60 s)"),
        ("gateway", "Gateway__PerIpAnonymousRequestsPer10Seconds", "1000000", "anonymous routes per address (shipped 30 / 10 s)"),
        ("gateway", "Gateway__PerUserRequestsPer10Seconds", "1000000", "signed-in requests per user (shipped 200 / 10 s)"),
    ];

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (MoneyRunFile.MissingBuildOutputs("credit") is { } missing)
        {
            await Console.Error.WriteLineAsync($"The credit suite runs the launcher with --no-build, which needs the Debug build; missing: {missing}. Build first: dotnet build");
            return 1;
        }

        using var run = new MoneyRunFile("credit", AppIds, Settings);
        Console.WriteLine($"Starting auth, credit and gateway with their sidecars through the launcher ({run.RunFilePath})...");
        try
        {
            var (exitCode, output) = await Launcher.RunAsync(run.RunFilePath, TimeSpan.FromMinutes(5), "up", "--detach", "--no-build");
            if (exitCode != 0)
            {
                await Console.Error.WriteLineAsync($"The launcher's up failed ({exitCode}):\n{output}");
                return 1;
            }

            using var client = new MoneyClient(run.GatewayUrl, options.Concurrency * 2);
            var tokens = new string[options.Concurrency];
            for (var i = 0; i < tokens.Length; i++) tokens[i] = await client.SignUpAsync($"bench-credit-{Guid.NewGuid():N}@example.com", cancellationToken);
            await ProbeAsync(client, tokens[0], cancellationToken);
            var stats = await LoadRunner.RunAsync("credit score via gateway", options, (worker, n, ct) => client.PostAsync(tokens[worker], "/api/credit/score", Applicant(n), ct), cancellationToken: cancellationToken);
            Print(options, stats);
            return stats.Operations == 0 ? 1 : 0;
        }
        finally
        {
            await Launcher.StopPlatformAsync(run.RunFilePath, run.Folder, run.LogsFolder, printLogs: false);
        }
    }

    /// <summary>Varied but valid applicants, so neither the model nor the database sees one repeated request.</summary>
    private static object Applicant(long n) => new
    {
        income = 40_000m + (n % 50 * 2_000m),
        numInvoices = 20 + (int)(n % 30),
        avgCashflow = 1_000m + (n % 40 * 150m),
        delinquencies = (int)(n % 5),
    };

    private static async Task ProbeAsync(MoneyClient client, string token, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await client.PostAsync(token, "/api/credit/score", Applicant(0), cancellationToken);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken); // first JWKS fetch, model load
            }
        }
    }

    private static void Print(BenchmarkOptions options, LatencyStats stats)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FinFlow credit benchmark: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0.#} s measured after {options.Warmup.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores"));
        Console.WriteLine($"{"scenario",-42} {"ops",9} {"ops/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine(new string('-', 97));
        Report.Row(stats);
        Console.WriteLine("Each call: gateway (JWT, rate limit) → its sidecar → credit's sidecar → credit (validate, score in-process, store the decision).");
        foreach (var (app, key, value, why) in Settings) Console.WriteLine($"  {app}: {key}={value}  ({why})");
    }
}
