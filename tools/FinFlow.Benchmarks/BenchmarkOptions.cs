using System.Globalization;

namespace FinFlow.Benchmarks;

/// <summary>
/// <c>--suite sidecar|auth|accounting|money|credit|workflow|all</c> (default sidecar), <c>--duration S</c> (measured seconds per scenario), <c>--warmup S</c>,
/// <c>--concurrency N</c>, for the sidecar suite <c>--skip-pubsub</c>, <c>--only state|invocation|pubsub</c>, and for the
/// accounting suite <c>--lines N</c> (journal lines of the big trial-balance user).
/// <see cref="ConcurrencyGiven"/> and <see cref="DurationGiven"/> let a suite with its own defaults (money) keep them.
/// </summary>
public sealed record BenchmarkOptions(
    TimeSpan Duration, TimeSpan Warmup, int Concurrency, bool SkipPubSub, string Only = "", string Suite = "sidecar", long Lines = 1_000_000)
{
    public const string Usage = "use --suite sidecar|auth|accounting|money|credit|workflow|all --duration S --warmup S --concurrency N --skip-pubsub --only state|invocation|pubsub (sidecar) or workflow|actors (workflow) --lines N";

    public bool RunsSidecar => Suite is "sidecar" or "all";

    public bool RunsAuth => Suite is "auth" or "all";

    public bool RunsAccounting => Suite is "accounting" or "all";

    public bool RunsMoney => Suite is "money" or "all";

    public bool RunsCredit => Suite is "credit" or "all";

    public bool RunsWorkflow => Suite is "workflow" or "all";

    public bool ConcurrencyGiven { get; init; }

    public bool DurationGiven { get; init; }

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), 16, false);
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--suite" => options with { Suite = Next() },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)), DurationGiven = true },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { Concurrency = int.Parse(Next(), CultureInfo.InvariantCulture), ConcurrencyGiven = true },
                "--skip-pubsub" => options with { SkipPubSub = true },
                "--only" => options with { Only = Next() },
                "--lines" => options with { Lines = long.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown argument {args[i]}; {Usage}"),
            };
        }

        // The small trial-balance user has about 1,000 lines; the big one must be bigger for the comparison to mean anything.
        if (options.Lines < 10_000) throw new ArgumentException("--lines must be at least 10000");
        if (options.Suite is not ("sidecar" or "auth" or "accounting" or "money" or "credit" or "workflow" or "all")) throw new ArgumentException($"unknown suite '{options.Suite}'; {Usage}");
        return options.Concurrency < 1 || options.Duration <= TimeSpan.Zero ? throw new ArgumentException("concurrency and duration must be positive") : options;
    }
}
