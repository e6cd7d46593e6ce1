namespace FinFlow.Sidecar.Components.InMemoryState;

/// <summary>Creates <see cref="InMemoryStateStore"/>; expired keys are swept every second, like components-contrib.</summary>
public sealed class InMemoryStateFactory : IComponentFactory
{
    public string Type => "state.in-memory";

    public IReadOnlyList<string> Versions { get; } = ["v1"];

    public Task<object> CreateAsync(ComponentInitContext context, CancellationToken ct) =>
        Task.FromResult<object>(new InMemoryStateStore(TimeProvider.System, TimeSpan.FromSeconds(1)));
}
