using Xunit;

namespace FinFlow.Sidecar.Actors.Tests.Infrastructure;

/// <summary>All actor tests share one PostgreSQL, app and sidecar, and run one after another (a test restarts the sidecar).</summary>
[CollectionDefinition(Name)]
public sealed class ActorProcesses : ICollectionFixture<ActorFixture>
{
    public const string Name = "actors";
}
