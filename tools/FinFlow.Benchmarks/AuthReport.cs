using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>Prints the auth suite's table, the ratios of <c>me</c> through gateway + sidecars to direct, the Argon2id cost and the raised limits.</summary>
public static class AuthReport
{
    public static void Print(
        BenchmarkOptions options, int users, LatencyStats login, LatencyStats meGateway, LatencyStats meDirect,
        (double VerifyMedianMs, double HashMedianMs, string Parameters) hash)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"FinFlow auth benchmark: concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0.#} s measured after {options.Warmup.TotalSeconds:0.#} s warm-up, {Environment.ProcessorCount} cores, {users} users"));
        Console.WriteLine();
        Console.WriteLine($"{"scenario",-42} {"ops",9} {"ops/s",9} {"p50 ms",8} {"p90 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine(new string('-', 97));
        Report.Row(login);
        Report.Row(meGateway);
        Report.Row(meDirect);
        Console.WriteLine();
        Console.WriteLine("me, gateway + 2 sidecars ÷ direct to auth:");
        Console.WriteLine(string.Create(c, $"  p50 ×{meGateway.P50Ms / meDirect.P50Ms:0.00}  p90 ×{meGateway.P90Ms / meDirect.P90Ms:0.00}  p99 ×{meGateway.P99Ms / meDirect.P99Ms:0.00}  throughput ×{meGateway.Throughput / meDirect.Throughput:0.00} ({100 * meGateway.Throughput / meDirect.Throughput:0}% of direct)  (added p50 {meGateway.P50Ms - meDirect.P50Ms:+0.000;-0.000} ms)"));
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Password hash per login (Argon2id {hash.Parameters}): median {hash.VerifyMedianMs:0.0} ms to verify (what a login does); median {hash.HashMedianMs:0.0} ms to hash (register)."));
        Console.WriteLine(string.Create(c, $"  Measured in-process with FinFlow.Auth's Argon2idPasswordHasher and its shipped defaults, one at a time ({PasswordHashTiming.Samples} samples each), before the platform started."));
        Console.WriteLine(string.Create(c, $"  Argon2id alone caps logins near {Environment.ProcessorCount * 1000 / hash.VerifyMedianMs:0}/s on {Environment.ProcessorCount} cores; at concurrency {options.Concurrency} login latency is mostly queueing for them."));
        Console.WriteLine();
        Console.WriteLine("Limits raised for this run only, as environment variables in the temporary run file's env: (the shipped");
        Console.WriteLine("values would answer 429 within a second of load):");
        foreach (var (app, key, value, why) in AuthRunFile.RaisedLimits) Console.WriteLine($"  {app}: {key}={value}  ({why})");
        Console.WriteLine("Load generator, gateway, auth, both sidecars, PostgreSQL and Redis share this machine's cores: figures are CPU-bound.");
    }
}
