namespace FinFlow.Sidecar.Components.RedisPubSub;

/// <summary>
/// The <c>pubsub.redis</c> settings FinFlow.Sidecar honours, with components-contrib's defaults
/// (<c>pubsub/redis/metadata.yaml</c>): processingTimeout 15 s, redeliverInterval 60 s, queueDepth 100, concurrency 10.
/// </summary>
public sealed record RedisPubSubOptions
{
    public required string Configuration { get; init; }

    public required string ConsumerId { get; init; }

    public TimeSpan ProcessingTimeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan RedeliverInterval { get; init; } = TimeSpan.FromSeconds(60);

    public int QueueDepth { get; init; } = 100;

    public int Concurrency { get; init; } = 10;

    /// <summary>Approximate MAXLEN for XADD; null leaves streams unbounded.</summary>
    public long? MaxLenApprox { get; init; }

    /// <summary>Either duration at zero turns redelivery of pending messages off, as in daprd.</summary>
    public bool RedeliveryEnabled => ProcessingTimeout > TimeSpan.Zero && RedeliverInterval > TimeSpan.Zero;
}
