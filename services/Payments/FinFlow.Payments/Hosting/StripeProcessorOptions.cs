namespace FinFlow.Payments.Hosting;

/// <summary>The Stripe adapter (section <c>Payments:Stripe</c>); the API key is the secret <c>payments-stripe-api-key</c>.</summary>
public sealed class StripeProcessorOptions
{
    public string? ApiKey { get; set; }

    /// <summary>Overrides <c>https://api.stripe.com</c>; for HTTP stubs in tests.</summary>
    public Uri? ApiBase { get; set; }

    /// <summary>Stripe.net retries connection errors, 409 and 5xx with the same idempotency key.</summary>
    public int MaxNetworkRetries { get; set; } = 2;

    public int TimeoutSeconds { get; set; } = 20;
}
