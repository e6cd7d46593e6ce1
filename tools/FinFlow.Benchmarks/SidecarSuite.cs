namespace FinFlow.Benchmarks;

/// <summary>The sidecar suite: state, invocation and pub/sub through FinFlow.Sidecar against going direct.</summary>
public static class SidecarSuite
{
    public static async Task RunAsync(BenchmarkOptions options)
    {
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
    }
}
