namespace FinFlow.Sidecar.PubSub;

/// <summary>Called by a component for every message it hands to the sidecar (again on redelivery).</summary>
public delegate Task<PubSubOutcome> PubSubHandler(PubSubMessage message, CancellationToken ct);
