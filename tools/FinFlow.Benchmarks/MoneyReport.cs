using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>Prints the money suite's table (in the style of <see cref="Report"/>), errors and timeouts, the ledger check and the settings used.</summary>
public static class MoneyReport
{
    public static void Print(BenchmarkOptions options, MoneyResults results, MoneyLedgerCheck ledger)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"FinFlow money-loop benchmark: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0.#} s measured after {options.Warmup.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores, {options.Concurrency} users"));
        Console.WriteLine(string.Create(c, $"Loop: create invoice ({MoneyLoop.InvoiceAmount:0.00} {MoneyClient.Currency}) → charge it in full with {MoneyLoop.CardSource} → poll the invoice every {MoneyLoop.PollInterval.TotalMilliseconds:0} ms until PAID; all through the gateway"));
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-42} {"ops",9} {"ops/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine(new string('-', 97));
        Report.Row(results.Loop);
        Report.Row(results.Charge);
        Report.Row(results.ChargeToPaid);
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Completed loops: {results.Loop.Operations} ({results.Loop.Throughput:0.0}/s over {results.Loop.Elapsed.TotalSeconds:0.0} s); errors {results.OtherErrors} (a failed request; {results.Charge.Errors} of them charges), timeouts {results.Timeouts} (not PAID {MoneyLoop.PaidTimeout.TotalSeconds:0} s after the charge)."));
        Console.WriteLine(string.Create(c, $"Invoice GETs while waiting: {results.PollsPerLoop:0.0} per loop, each gateway → 2 sidecars → accounting (part of the load)."));
        Console.WriteLine(ledger.Summary(options.Concurrency));
        foreach (var problem in ledger.Problems) Console.WriteLine($"  {problem}");
        Console.WriteLine();
        Console.WriteLine("charge = POST /api/payments/charge until its 201 (gateway → sidecars → payments, which asks accounting what the invoice");
        Console.WriteLine("owes through the sidecars, inserts the payment and asks the simulated processor). charge → PAID = from sending the");
        Console.WriteLine("charge to the first GET that shows PAID: settle delay, signed webhook through payments' sidecar, outbox relay,");
        Console.WriteLine("payment_completed over Redis to accounting, its ledger transaction, plus up to one poll interval and one GET.");
        Console.WriteLine();
        Console.WriteLine("Settings for this run only, as environment variables in the temporary run file's env: (appsettings.json unchanged):");
        foreach (var (app, key, value, why) in MoneyRunFile.Settings) Console.WriteLine($"  {app}: {key}={value}  ({why})");
        Console.WriteLine("Load generator, gateway, auth, accounting, payments, four sidecars, PostgreSQL and Redis share this machine's cores;");
        Console.WriteLine("the apps run their Debug build and log each request, as ./finflow up runs them: figures are CPU-bound and local.");
    }
}
