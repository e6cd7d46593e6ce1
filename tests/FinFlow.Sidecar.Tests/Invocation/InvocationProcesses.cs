using Xunit;

namespace FinFlow.Sidecar.Tests.Invocation;

/// <summary>The invocation test classes share one set of app and sidecar processes.</summary>
[CollectionDefinition(Name)]
public sealed class InvocationProcesses : ICollectionFixture<InvocationFixture>
{
    public const string Name = "invocation";
}
