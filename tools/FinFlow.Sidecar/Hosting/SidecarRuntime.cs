using System.Collections.Concurrent;
using FinFlow.Sidecar.Components;
using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Hosting;

/// <summary>
/// The sidecar's shared run-time facts: options, loaded resources and components, readiness, and the
/// extended metadata apps set. Later building blocks await <see cref="AppChannelReady"/> before they
/// talk to the app (reading /dapr/subscribe, delivering messages).
/// </summary>
public sealed class SidecarRuntime(SidecarOptions options, ResourceSet resources, ComponentCatalog components)
{
    /// <summary>Reported as runtimeVersion; says what this is instead of pretending to be a daprd release.</summary>
    public const string Version = "1.18.0-finflow";

    private readonly TaskCompletionSource _appChannel = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SidecarOptions Options { get; } = options;

    public ResourceSet Resources { get; } = resources;

    public ComponentCatalog Components { get; } = components;

    public ConcurrentDictionary<string, string> ExtendedMetadata { get; } = new(StringComparer.Ordinal);

    /// <summary>Components are loaded before the host starts, so the outbound side is ready as soon as it serves.</summary>
    public bool ComponentsReady => true;

    public Task AppChannelReady => _appChannel.Task;

    public bool IsAppChannelReady => _appChannel.Task.IsCompletedSuccessfully;

    public void MarkAppChannelReady() => _appChannel.TrySetResult();
}
