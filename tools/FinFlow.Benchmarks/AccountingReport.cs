using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>Prints the accounting suite's tables and ratios: invoices against pgbench, and the trial balance small against big.</summary>
public static class AccountingReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static void Print(BenchmarkOptions options, AccountingResults r)
    {
        Console.WriteLine();
        Console.WriteLine(string.Create(C, $"FinFlow accounting benchmark: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0.#} s measured after {options.Warmup.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores"));
        Console.WriteLine(string.Create(C, $"PostgreSQL {r.ServerVersion}, private, fsync=off and synchronous_commit=off for both workloads; accounting app {AccountingHost.BuildConfiguration} build, shipped logging"));
        Console.WriteLine();
        Header("ops", "ops/s");
        Report.Row(r.InvoicesDistinctUsers);
        Report.Row(r.InvoicesSharedUser);
        if (r.Pgbench is not null) Report.Row(r.Pgbench);
        Console.WriteLine();
        if (r.Pgbench is { } pgbench)
        {
            Console.WriteLine("Invoices/s ÷ pgbench tpcb-like tps (same server, same concurrency):");
            Console.WriteLine(string.Create(C, $"  {options.Concurrency} users:      {r.InvoicesDistinctUsers.Throughput:0} / {pgbench.Throughput:0} = {r.InvoicesDistinctUsers.Throughput / pgbench.Throughput:0.00}"));
            Console.WriteLine(string.Create(C, $"  1 shared user: {r.InvoicesSharedUser.Throughput:0} / {pgbench.Throughput:0} = {r.InvoicesSharedUser.Throughput / pgbench.Throughput:0.00}"));
            Console.WriteLine("  An invoice is an HTTP call with a JWT, JSON and validation, then a transaction of seven statements plus trigger");
            Console.WriteLine("  work (owner/currency checks per line, deferred balance checks, the daily-total upsert); a tpcb-like transaction");
            Console.WriteLine("  is five small statements sent straight from pgbench.");
        }
        else
        {
            Console.WriteLine($"pgbench: skipped ({r.PgbenchSkipped}).");
        }

        Console.WriteLine(string.Create(C, $"Outbox: the relay handed {r.EventsPublished} invoice_created events to the sidecar stand-in for {r.InvoicesCreated} invoices created (warm-ups included);"));
        Console.WriteLine(string.Create(C, $"  outbox rows still unsent after waiting up to 15 s: {r.OutboxBacklog.Unsent}{(r.OutboxBacklog.LastError is { } error ? $", a publish failed: {error}" : "")}."));
        Console.WriteLine();
        Console.WriteLine(string.Create(C, $"Trial balance (GET /accounting/trial-balance), one call at a time, {AccountingTrialBalance.Calls} calls per user after {AccountingTrialBalance.WarmupCalls} warm-up calls, users alternating:"));
        Header("calls", "lines", "daily rows");
        TrialBalanceRow(r.TrialBalanceSmall, r.SmallJournal);
        TrialBalanceRow(r.TrialBalanceBig, r.BigJournal);
        var (small, big) = (r.TrialBalanceSmall, r.TrialBalanceBig);
        Console.WriteLine();
        Console.WriteLine(string.Create(C, $"Big ÷ small ({(double)r.BigJournal.Lines / r.SmallJournal.Lines:0}× the journal lines): p50 ×{big.P50Ms / small.P50Ms:0.00}  p90 ×{big.P90Ms / small.P90Ms:0.00}  p99 ×{big.P99Ms / small.P99Ms:0.00}"));
        Console.WriteLine(string.Create(C, $"  The query reads account_daily_totals (one row per account and active day), never journal_lines: {r.SmallJournal.DailyTotals} rows vs {r.BigJournal.DailyTotals}."));
        Console.WriteLine(string.Create(C, $"Loading {r.LinesLoaded:N0} journal lines with set-based SQL ({AccountingJournalLoader.LinesPerTransaction:N0} per transaction, every trigger active) took {r.LoadTime.TotalSeconds:0.0} s ({r.LinesLoaded / r.LoadTime.TotalSeconds:N0} lines/s)."));
        Console.WriteLine();
        Console.WriteLine("The load generator, the app and PostgreSQL (and pgbench) share this machine's cores: figures are CPU-bound.");
    }

    private static void Header(string first, string second, string? third = null)
    {
        if (third is null)
        {
            Console.WriteLine($"{"scenario",-42} {first,9} {second,9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7}");
            Console.WriteLine(new string('-', 97));
            return;
        }

        Console.WriteLine($"{"scenario",-42} {first,9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7} {second,10} {third,10}");
        Console.WriteLine(new string('-', 107));
    }

    private static void TrialBalanceRow(LatencyStats s, (long Lines, long DailyTotals) journal) =>
        Console.WriteLine(string.Create(C, $"{s.Name,-42} {s.Operations,9} {s.P50Ms,8:0.000} {s.P90Ms,8:0.000} {s.P99Ms,8:0.000} {s.Errors,7} {journal.Lines,10} {journal.DailyTotals,10}"));
}
