namespace FinFlow.Payments.Hosting;

/// <summary>The simulated processor (section <c>Payments:Simulated</c>).</summary>
public sealed class SimulatedProcessorOptions
{
    /// <summary>How long after the charge the processor "settles" and sends its webhook.</summary>
    public int SettleDelayMilliseconds { get; set; } = 200;

    /// <summary>Where webhooks go; empty means this app's own <c>payments/webhook</c> through its sidecar.</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>First retry delay after a failed delivery; doubles per attempt up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public int RetryDelayMilliseconds { get; set; } = 500;

    public int MaxRetryDelaySeconds { get; set; } = 60;
}
