using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>
/// The accounting suite (issue 7): invoice creation at fixed concurrency against pgbench's tpcb-like on the same
/// private PostgreSQL, then trial balance latency for a ~1,000-line and a <c>--lines</c> journal. Everything it
/// starts (PostgreSQL, the app, the sidecar stand-in) is stopped at the end, on failure and on Ctrl-C too.
/// </summary>
public static class AccountingSuite
{
    public const int SmallJournalLines = 1_000;

    /// <summary>
    /// The app is a fresh process: its first hundreds of requests run unoptimised (tier-0) code. Production apps run
    /// for days, so before the first measured scenario the app gets this much load that nobody measures.
    /// </summary>
    public static readonly TimeSpan AppWarmup = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        if (!File.Exists(AccountingHost.AppAssembly))
        {
            await Console.Error.WriteLineAsync($"{AccountingHost.AppAssembly} is missing; build first: dotnet build -c Release tools/FinFlow.Benchmarks");
            return 1;
        }

        Console.WriteLine($"Starting a private PostgreSQL, a sidecar stand-in and the accounting app ({AccountingHost.BuildConfiguration})...");
        await using var host = await AccountingHost.StartAsync(cancellationToken);
        var failed = true;
        try
        {
            var results = await MeasureAsync(host, options, cancellationToken);
            failed = false;
            AccountingReport.Print(options, results);
            return 0;
        }
        finally
        {
            var dump = Environment.GetEnvironmentVariable("BENCH_DUMP") == "1";
            if (dump || (failed && !cancellationToken.IsCancellationRequested)) await Console.Error.WriteLineAsync($"--- accounting app output (tail) ---\n{Tail(host.App.Output)}");
            Console.WriteLine("Stopping the accounting app and PostgreSQL...");
        }
    }

    private static async Task<AccountingResults> MeasureAsync(AccountingHost host, BenchmarkOptions options, CancellationToken cancellationToken)
    {
        AccountingPgbench? pgbench = null;
        var pgbenchSkipped = AccountingPgbench.Locate() is null ? "no pgbench next to the PostgreSQL server binaries" : null;
        if (pgbenchSkipped is null)
        {
            Console.WriteLine($"Initialising pgbench (pgbench -i -s {AccountingPgbench.Scale}) in a scratch database...");
            pgbench = await AccountingPgbench.InitializeAsync(host.Postgres, cancellationToken);
        }

        var invoices = new AccountingInvoiceLoad(host, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Warming the app up: {AppWarmup.TotalSeconds:0} s of invoice creation, discarded (JIT tiering, pools)..."));
        await invoices.WarmUpAsync(AppWarmup, cancellationToken);
        await host.CheckpointAsync(cancellationToken);
        Console.WriteLine("Measuring invoice creation, one user per worker...");
        var distinct = await invoices.DistinctUsersAsync(cancellationToken);
        await host.CheckpointAsync(cancellationToken);
        Console.WriteLine("Measuring invoice creation, all workers as one user...");
        var shared = await invoices.SharedUserAsync(cancellationToken);
        var created = invoices.Created;
        var published = await host.Sidecar.WaitForPublishedAsync(created, TimeSpan.FromSeconds(15), cancellationToken);
        var backlog = await host.OutboxBacklogAsync(cancellationToken);

        LatencyStats? pgbenchStats = null;
        if (pgbench is not null)
        {
            await host.CheckpointAsync(cancellationToken);
            Console.WriteLine("Measuring pgbench tpcb-like...");
            pgbenchStats = await pgbench.RunAsync(options, cancellationToken);
        }

        var (small, big) = (Guid.NewGuid(), Guid.NewGuid());
        Console.WriteLine("Creating the trial-balance users (one invoice each seeds their chart of accounts)...");
        await invoices.CreateOneAsync(small, cancellationToken);
        await invoices.CreateOneAsync(big, cancellationToken);
        await AccountingJournalLoader.LoadAsync(host.AppConnectionString, small, SmallJournalLines - 3, progress: null, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loading {options.Lines:N0} journal lines for the big user..."));
        var loadTime = await AccountingJournalLoader.LoadAsync(host.AppConnectionString, big, options.Lines - 3, Progress(options.Lines), cancellationToken);
        await AccountingJournalLoader.VacuumAsync(host.AppConnectionString, cancellationToken);
        var smallJournal = await AccountingJournalLoader.SizeAsync(host.AppConnectionString, small, cancellationToken);
        var bigJournal = await AccountingJournalLoader.SizeAsync(host.AppConnectionString, big, cancellationToken);

        Console.WriteLine("Measuring the trial balance...");
        var (smallStats, bigStats) = await AccountingTrialBalance.MeasureAsync(
            host.Http, host.Tokens.Issue(small), host.Tokens.Issue(big),
            string.Create(CultureInfo.InvariantCulture, $"trial balance: {smallJournal.Lines:N0} lines"),
            string.Create(CultureInfo.InvariantCulture, $"trial balance: {bigJournal.Lines:N0} lines"),
            cancellationToken);

        return new AccountingResults(
            await host.ServerVersionAsync(cancellationToken), distinct, shared, pgbenchStats, pgbenchSkipped, created, published, backlog,
            smallStats, bigStats, smallJournal, bigJournal, (options.Lines - 3) / 2 * 2, loadTime);
    }

    /// <summary>A progress line about every tenth of the load, so a million-line run visibly moves.</summary>
    private static Action<long> Progress(long total)
    {
        var step = Math.Max(AccountingJournalLoader.LinesPerTransaction, total / 10);
        var next = step;
        return loaded =>
        {
            if (loaded < next) return;
            next += step;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {loaded:N0} / {total:N0} lines"));
        };
    }

    private static string Tail(string output) => output.Length <= 8_000 ? output : output[^8_000..];
}
