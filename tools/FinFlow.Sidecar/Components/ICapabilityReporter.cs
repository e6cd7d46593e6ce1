namespace FinFlow.Sidecar.Components;

/// <summary>Lets a component list the capabilities /v1.0/metadata reports (ETAG, TRANSACTIONAL, TTL, ACTOR...).</summary>
public interface ICapabilityReporter
{
    IReadOnlyList<string> Capabilities { get; }
}
