using FinFlow.Sidecar.Hosting;
using Microsoft.Extensions.Logging;

namespace FinFlow.Sidecar.Components;

/// <summary>What a factory gets to build one component instance.</summary>
public sealed record ComponentInitContext(ComponentMetadata Metadata, SidecarOptions Options, ILoggerFactory LoggerFactory)
{
    public string Name => Metadata.Definition.Name;
}
