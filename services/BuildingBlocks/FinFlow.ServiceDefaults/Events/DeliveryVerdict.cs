namespace FinFlow.ServiceDefaults.Events;

/// <summary>What a subscriber tells the sidecar about one delivery (Dapr's SUCCESS, RETRY and DROP).</summary>
public enum DeliveryVerdict
{
    /// <summary>Handled (or already handled before): acknowledge.</summary>
    Success,

    /// <summary>Cannot be handled yet; nothing changed: deliver again later.</summary>
    Retry,

    /// <summary>Malformed and never handleable: off to the dead-letter topic.</summary>
    Drop,
}
