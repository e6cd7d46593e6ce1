namespace FinFlow.Sidecar.State;

/// <summary>Optional state-store features, as components-contrib declares them.</summary>
[Flags]
public enum StateFeatures
{
    None = 0,
    ETag = 1,
    Transactional = 2,
    Ttl = 4,
    Query = 8,
}
