namespace FinFlow.Payments.Hosting;

/// <summary>How <c>Idempotency-Key</c>s behave (section <c>Payments:Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    /// <summary>The floor: a key is honoured for at least a day.</summary>
    public const int MinimumRetentionHours = 24;

    /// <summary>How long a request waits for another one with the same key to finish before answering 409.</summary>
    public double WaitSeconds { get; set; } = 10;

    /// <summary>
    /// How long a request owns its key. Longer than the slowest processor call (Stripe: 20 s timeout, two
    /// retries), so a retry takes over only from a request that is really gone.
    /// </summary>
    public double LeaseSeconds { get; set; } = 120;

    public int RetentionHours { get; set; } = MinimumRetentionHours;
}
