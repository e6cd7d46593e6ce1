using FinFlow.Benchmarks;

// `FinFlow.Benchmarks app` is the tiny app the benchmark starts behind each sidecar (its own process).
if (args is ["app", ..])
{
    await TinyApp.RunAsync();
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception error) when (error is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(error.Message);
    return 2;
}

Console.WriteLine("Starting PostgreSQL, Redis, two apps and two FinFlow.Sidecar processes...");
await using var topology = await Topology.StartAsync(options);
using var scenarios = new Scenarios(topology, options);
await scenarios.PrepareAsync();

var pairs = new List<(LatencyStats, LatencyStats)>();
foreach (var (name, sidecar, direct) in new (string, Func<Task<LatencyStats>>, Func<Task<LatencyStats>>)[]
{
    ("state get", scenarios.StateGetThroughSidecarAsync, scenarios.StateGetDirectAsync),
    ("state save", scenarios.StateSaveThroughSidecarAsync, scenarios.StateSaveDirectAsync),
    ("invocation", scenarios.InvokeThroughSidecarsAsync, scenarios.InvokeDirectAsync),
})
{
    if (options.Only.Length > 0 && !name.StartsWith(options.Only, StringComparison.Ordinal)) continue;
    Console.WriteLine($"Measuring {name}...");
    pairs.Add((await sidecar(), await direct()));
}

LatencyStats? pubSub = null;
var pubSubSkipped = topology.PubSubSkipped;
if (pubSubSkipped is null && options.Only is "" or "pubsub")
{
    pubSubSkipped = await scenarios.ProbePubSubAsync();
}

if (pubSubSkipped is null && options.Only is "" or "pubsub")
{
    Console.WriteLine("Measuring pub/sub publish → delivery...");
    pubSub = await scenarios.PublishToDeliveryAsync();
}

Report.Print(options, pairs, pubSub, pubSubSkipped);
return 0;
