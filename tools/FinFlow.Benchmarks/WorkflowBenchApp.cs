using Dapr.Workflow;

namespace FinFlow.Benchmarks;

/// <summary>
/// <c>FinFlow.Benchmarks workflow-app</c>: the app behind the workflow suite's sidecar (its own process), hosting
/// <see cref="BenchChainWorkflow"/> with the official Dapr.Workflow worker and <see cref="BenchCounterActor"/>
/// with the official Dapr.Actors runtime. The sidecar's ports come from DAPR_HTTP_PORT / DAPR_GRPC_PORT.
/// </summary>
public static class WorkflowBenchApp
{
    public static Task RunAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDaprWorkflow(options =>
        {
            options.RegisterWorkflow<BenchChainWorkflow>();
            options.RegisterActivity<BenchStepActivity>();
        });
        builder.Services.AddActors(options => options.Actors.RegisterActor<BenchCounterActor>());
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok());
        app.MapActorsHandlers();
        return app.RunAsync();
    }
}
