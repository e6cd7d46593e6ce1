namespace FinFlow.Sidecar.Health;

public sealed class AppHealthChangedEventArgs(bool healthy, string reason) : EventArgs
{
    public bool Healthy { get; } = healthy;

    /// <summary>Why the state changed (last probe outcome), for logs.</summary>
    public string Reason { get; } = reason;
}
