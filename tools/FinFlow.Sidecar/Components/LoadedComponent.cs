using FinFlow.Sidecar.Resources;

namespace FinFlow.Sidecar.Components;

/// <summary>An initialised component and what the metadata API reports about it.</summary>
public sealed record LoadedComponent(ComponentDefinition Definition, ComponentMetadata Metadata, object Instance, IReadOnlyList<string> Capabilities);
