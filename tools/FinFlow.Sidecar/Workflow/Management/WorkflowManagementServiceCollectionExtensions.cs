using FinFlow.Sidecar.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FinFlow.Sidecar.Workflow.Management;

/// <summary>Registers the management surfaces; the engine registers <see cref="IWorkflowManagement"/> itself.</summary>
public static class WorkflowManagementServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowManagementApi(this IServiceCollection services)
    {
        services.AddSingleton<WorkflowManagementApi>();
        services.AddSingleton<IBuildingBlock, WorkflowManagementBuildingBlock>();
        return services;
    }
}
