namespace FinFlow.Sidecar.PubSub;

/// <summary>How the app answered one delivery (contract §3.6).</summary>
public enum DeliveryStatus
{
    Success,
    Retry,
    Drop,
}
