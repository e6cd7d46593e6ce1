namespace FinFlow.Payments.Hosting;

/// <summary>Configuration section <c>Payments</c>. Secrets (card-data key, webhook secret, Stripe key) come from the secret store.</summary>
public sealed class PaymentsOptions
{
    public const string SectionName = "Payments";
    public const string SimulatedProcessor = "simulated";
    public const string StripeProcessor = "stripe";

    /// <summary><c>simulated</c> (default, local runs and tests) or <c>stripe</c>.</summary>
    public string Processor { get; set; } = SimulatedProcessor;

    /// <summary>Base64 of a 32-byte AES key (secret <c>payments-card-key</c>).</summary>
    public string? CardDataKey { get; set; }

    /// <summary>The <c>whsec_...</c> secret webhooks are signed with (secret <c>payments-webhook-secret</c>).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How old a webhook signature may be; Stripe's own libraries default to 300 s.</summary>
    public int WebhookToleranceSeconds { get; set; } = 300;

    /// <summary>
    /// Age after which a PENDING payment the processor never answered for is sent to it again by the service
    /// itself. Longer than the idempotency lease, so a request still at work is never overtaken.
    /// </summary>
    public int StalledChargeSeconds { get; set; } = 300;

    public IdempotencyOptions Idempotency { get; set; } = new();

    public SimulatedProcessorOptions Simulated { get; set; } = new();

    public StripeProcessorOptions Stripe { get; set; } = new();
}
