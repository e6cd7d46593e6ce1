using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using FinFlow.LocalInfra;

namespace FinFlow.Benchmarks;

/// <summary>
/// PostgreSQL's own yardstick on the same private server: <c>pgbench -i -s 10</c> into a scratch database, then the
/// built-in <c>tpcb-like</c> script (three updates, a select and an insert per transaction) at the suite's concurrency.
/// Latency percentiles come from pgbench's per-transaction log (<c>-l</c>), throughput from its own tps line.
/// </summary>
public sealed partial class AccountingPgbench(PostgresServer server, string database)
{
    public const int Scale = 10;

    /// <summary>pgbench from the same PostgreSQL installation as the server, or null when this one lacks it.</summary>
    public static string? Locate()
    {
        var path = Path.Combine(BinaryLocator.PostgresBinDirectory(), "pgbench");
        return File.Exists(path) ? path : null;
    }

    public static async Task<AccountingPgbench> InitializeAsync(PostgresServer server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var database = await server.CreateScratchDatabaseAsync("pgbench", cancellationToken);
        var bench = new AccountingPgbench(server, new Npgsql.NpgsqlConnectionStringBuilder(database).Database!);
        await bench.RunPgbenchAsync(["-i", "-s", $"{Scale}", "-q"], cancellationToken);
        return bench;
    }

    public static int Threads(int clients) => Math.Min(2, clients);

    /// <summary>A warm-up run (discarded), then the measured one; both at <c>-c concurrency -j 2</c>.</summary>
    public async Task<LatencyStats> RunAsync(BenchmarkOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        string[] load = ["-b", "tpcb-like", "-c", $"{options.Concurrency}", "-j", $"{Threads(options.Concurrency)}"];
        if (options.Warmup > TimeSpan.Zero) await RunPgbenchAsync([.. load, "-T", Seconds(options.Warmup)], cancellationToken);

        var logs = Directory.CreateTempSubdirectory("finflow-bench-pgbench-");
        try
        {
            var output = await RunPgbenchAsync([.. load, "-T", Seconds(options.Duration), "-l", $"--log-prefix={Path.Combine(logs.FullName, "tx")}"], cancellationToken);
            var tps = TpsLine().Match(output) is { Success: true } match
                ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
                : throw new InvalidOperationException($"pgbench printed no tps line:\n{output}");
            var failed = FailedLine().Match(output) is { Success: true } failures ? long.Parse(failures.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var latencies = ReadLatenciesMs(logs.FullName);
            // Elapsed is derived from pgbench's own tps so the table's ops/s is exactly what pgbench printed.
            var elapsed = TimeSpan.FromSeconds(latencies.Count / tps);
            return LatencyStats.From(
                $"pgbench tpcb-like: -c {options.Concurrency} -j {Threads(options.Concurrency)}, scale {Scale}", options.Concurrency, latencies, failed, elapsed);
        }
        finally
        {
            logs.Delete(recursive: true);
        }
    }

    /// <summary>Log lines are <c>client transaction latency_us script epoch epoch_us</c>, one file per thread.</summary>
    private static List<double> ReadLatenciesMs(string folder) =>
        Directory.GetFiles(folder)
            .SelectMany(File.ReadLines)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length >= 3 && long.TryParse(fields[2], CultureInfo.InvariantCulture, out _))
            .Select(fields => long.Parse(fields[2], CultureInfo.InvariantCulture) / 1000.0)
            .ToList();

    private static string Seconds(TimeSpan span) => $"{Math.Max(1, (int)Math.Ceiling(span.TotalSeconds))}";

    private async Task<string> RunPgbenchAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Locate() ?? throw new FileNotFoundException("pgbench is missing"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-h", "127.0.0.1", "-p", $"{server.Port}", "-U", PostgresServer.Superuser, .. arguments, database])
        {
            info.ArgumentList.Add(argument);
        }

        // The password travels in the environment, not on a command line every `ps` shows.
        info.Environment["PGPASSWORD"] = server.SuperuserPassword;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start pgbench");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw;
        }

        var output = (await stdout) + (await stderr);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"number of failed transactions: ([0-9]+)")]
    private static partial Regex FailedLine();
}
