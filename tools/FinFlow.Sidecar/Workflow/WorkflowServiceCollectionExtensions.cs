using FinFlow.Sidecar.Hosting;
using FinFlow.Sidecar.Metadata;
using FinFlow.Sidecar.Observability;
using FinFlow.Sidecar.Workflow.Engine;
using FinFlow.Sidecar.Workflow.Management;
using FinFlow.Sidecar.Workflow.TaskHub;
using Grpc.AspNetCore.Server.Model;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Workflow;

/// <summary>Registers the workflow building block (engine, TaskHubSidecarService, management APIs).</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services)
    {
        services.AddSingleton<WorkItemHub>();
        services.AddSingleton<TurnScheduler>();
        services.AddSingleton<WorkflowMetrics>();
        services.AddSingleton<IMetricsSource>(provider => provider.GetRequiredService<WorkflowMetrics>());
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<IWorkflowManagement>(provider => provider.GetRequiredService<WorkflowEngine>());
        services.AddHostedService(provider => provider.GetRequiredService<WorkflowEngine>());
        services.AddSingleton<TaskHubRpcs>();
        services.AddSingleton<TaskHubGrpcService>();
        services.AddSingleton<IServiceMethodProvider<TaskHubGrpcService>, TaskHubServiceMethodProvider>();
        services.AddSingleton<IBuildingBlock, WorkflowBuildingBlock>();
        services.AddSingleton<IMetadataContributor, WorkflowMetadataContributor>();
        // The HTTP /v1.0/workflows API and the gRPC Beta1/Alpha1 methods, written against IWorkflowManagement.
        services.AddWorkflowManagementApi();
        return services;
    }
}
