using FinFlow.Sidecar.Hosting;

namespace FinFlow.Sidecar.Health;

/// <summary>
/// Whether the app is healthy, as far as the sidecar may deliver to it (contract §4.4). With
/// <c>--enable-app-health-check</c> the app starts unhealthy and only a successful probe makes it healthy
/// (daprd delivers nothing before that); without it, the app counts as healthy. Pub/sub delivery and input
/// bindings pause while <see cref="IsHealthy"/> is false: subscribe to <see cref="Changed"/> or await
/// <see cref="WaitUntilHealthyAsync"/>.
/// </summary>
public sealed class AppHealth
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _healthy = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppHealth(SidecarOptions options, SidecarRuntime runtime)
    {
        Runtime = runtime;
        Enabled = options.EnableAppHealthCheck && options.AppPort is > 0;
        if (!Enabled) _healthy.TrySetResult();
        Publish();
    }

    public bool Enabled { get; }

    public bool IsHealthy => _healthy.Task.IsCompleted;

    /// <summary>Raised on every transition, with the new state; handlers must be quick (they run on the probe loop).</summary>
    public event EventHandler<AppHealthChangedEventArgs>? Changed;

    private SidecarRuntime Runtime { get; }

    /// <summary>Completes at once when healthy, else on the next healthy transition.</summary>
    public Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        Task waiting;
        lock (_lock) waiting = _healthy.Task;
        return waiting.WaitAsync(cancellationToken);
    }

    /// <summary>Called by the probe; raises <see cref="Changed"/> only when the state flips.</summary>
    public void Report(bool healthy, string reason)
    {
        lock (_lock)
        {
            if (healthy == IsHealthy) return;
            if (healthy)
            {
                _healthy.TrySetResult();
            }
            else
            {
                _healthy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        Publish();
        Changed?.Invoke(this, new AppHealthChangedEventArgs(healthy, reason));
    }

    /// <summary>daprd has no metadata field for this; the sidecar reports it as extended metadata <c>appHealth</c>.</summary>
    private void Publish() =>
        Runtime.ExtendedMetadata[MetadataKey] = !Enabled ? "disabled" : IsHealthy ? "healthy" : "unhealthy";

    public const string MetadataKey = "appHealth";
}
