using Dapr.Actors;
using Dapr.Actors.Client;
using Dapr.Workflow;

namespace FinFlow.Benchmarks;

/// <summary>
/// The workflow suite: a 3-activity chain started and awaited at fixed concurrency with the official
/// DaprWorkflowClient, then ActorProxy calls to warm actors and to a fresh actor id each time (activation).
/// </summary>
public static class WorkflowSuite
{
    private const int WarmActors = 256;

    public static async Task<int> RunAsync(BenchmarkOptions options, CancellationToken ct)
    {
        Console.WriteLine("Starting PostgreSQL, the workflow app and FinFlow.Sidecar...");
        await using var rig = await WorkflowRig.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{rig.GrpcPort}",
            ["DAPR_HTTP_ENDPOINT"] = $"http://127.0.0.1:{rig.HttpPort}",
            ["DAPR_API_TOKEN"] = Topology.ApiToken,
        }).Build();
        // DaprWorkflowClientBuilder ignores the configuration's endpoint in 1.18.7; the DI registration reads it.
        var collection = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        collection.AddDaprWorkflow(_ => { });
        await using var services = collection.BuildServiceProvider();
        var client = services.GetRequiredService<DaprWorkflowClient>();
        var run = Guid.NewGuid().ToString("N")[..8];

        var skipped = LatencyStats.From("skipped", options.Concurrency, [], 0, TimeSpan.FromSeconds(1));
        var workflows = options.Only is "" or "workflow" ? await MeasureWorkflowsAsync(options, client, run, ct) : skipped;
        var actors = options.Only is "" or "actors";
        var proxyOptions = new ActorProxyOptions { HttpEndpoint = $"http://127.0.0.1:{rig.HttpPort}", DaprApiToken = Topology.ApiToken };
        var warm = Enumerable.Range(0, WarmActors)
            .Select(i => ActorProxy.Create<IBenchCounter>(new ActorId($"warm-{i}"), nameof(BenchCounterActor), proxyOptions)).ToArray();
        if (actors) Console.WriteLine($"Measuring actor invocations ({WarmActors} warm actors)...");
        var invocations = actors
            ? await LoadRunner.RunAsync("actor invoke", options, (worker, n, _) => warm[(int)((worker * 7919 + n) % WarmActors)].IncrementAsync(), cancellationToken: ct)
            : skipped;
        if (actors) Console.WriteLine("Measuring actor activations (a new actor id per call)...");
        var activations = actors
            ? await LoadRunner.RunAsync("actor activation", options,
                (worker, n, _) => ActorProxy.Create<IBenchCounter>(new ActorId($"{run}-{worker}-{n}"), nameof(BenchCounterActor), proxyOptions).IncrementAsync(),
                cancellationToken: ct)
            : skipped;

        WorkflowReport.Print(options, workflows, invocations, activations);
        return workflows.Errors + invocations.Errors + activations.Errors == 0 ? 0 : 1;
    }

    private static Task<LatencyStats> MeasureWorkflowsAsync(BenchmarkOptions options, DaprWorkflowClient client, string run, CancellationToken ct)
    {
        Console.WriteLine("Measuring workflows (3-activity chain, start → completed)...");
        return LoadRunner.RunAsync("workflow", options, async (worker, n, token) =>
        {
            var id = $"{run}-{worker}-{n}";
            await client.ScheduleNewWorkflowAsync(nameof(BenchChainWorkflow), id, 1);
            var state = await client.WaitForWorkflowCompletionAsync(id, getInputsAndOutputs: true, token);
            if (state.RuntimeStatus != WorkflowRuntimeStatus.Completed || state.ReadOutputAs<int>() != 4)
            {
                throw new InvalidOperationException($"{id} ended {state.RuntimeStatus} with {state.ReadOutputAs<int>()}, not COMPLETED with 4");
            }
        }, cancellationToken: ct);
    }
}
