using Dapr.Workflow;
using FinFlow.Sidecar.WorkflowApp;
using FinFlow.Sidecar.WorkflowApp.Activities;
using FinFlow.Sidecar.WorkflowApp.Workflows;
using Npgsql;

// The worker finds the sidecar through DAPR_GRPC_ENDPOINT / DAPR_GRPC_PORT, exactly as in production.
var builder = WebApplication.CreateBuilder(args);
var connectionString = Environment.GetEnvironmentVariable("WORKFLOW_TEST_DB")
    ?? throw new InvalidOperationException("WORKFLOW_TEST_DB (the side-effect database) is not set.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton<SideEffects>();
builder.Services.AddDaprWorkflow(options =>
{
    options.RegisterWorkflow<ChainWorkflow>();
    options.RegisterWorkflow<FanOutWorkflow>();
    options.RegisterWorkflow<TimerWorkflow>();
    options.RegisterWorkflow<EventWorkflow>();
    options.RegisterWorkflow<ParentWorkflow>();
    options.RegisterWorkflow<RetryWorkflow>();
    options.RegisterWorkflow<CollectorWorkflow>();
    options.RegisterActivity<StepActivity>();
    options.RegisterActivity<SquareActivity>();
    options.RegisterActivity<FlakyActivity>();
});

var app = builder.Build();
await app.Services.GetRequiredService<SideEffects>().EnsureTableAsync();
app.MapGet("/healthz", () => Results.Ok("ok"));
await app.RunAsync();
