using Xunit;

namespace FinFlow.Sidecar.Tests.State;

/// <summary>The state checklist (gRPC and HTTP) on <c>state.in-memory</c>.</summary>
public sealed class InMemoryStateTests(InMemoryStateFixture fixture)
    : StateHttpTests<InMemoryStateFixture>(fixture), IClassFixture<InMemoryStateFixture>;
