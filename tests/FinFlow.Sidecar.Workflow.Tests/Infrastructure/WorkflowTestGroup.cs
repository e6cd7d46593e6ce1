using Xunit;

namespace FinFlow.Sidecar.Workflow.Tests.Infrastructure;

/// <summary>Every workflow test class shares one PostgreSQL and one rig; classes run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowTestGroup : ICollectionFixture<WorkflowFixture>
{
    public const string Name = "workflow";
}
