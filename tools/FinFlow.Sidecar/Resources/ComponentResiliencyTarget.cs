namespace FinFlow.Sidecar.Resources;

/// <summary><c>spec.targets.components.&lt;name&gt;</c>: outbound calls to the component and inbound (pub/sub delivery).</summary>
public sealed record ComponentResiliencyTarget(ResiliencyTarget? Outbound, ResiliencyTarget? Inbound);
