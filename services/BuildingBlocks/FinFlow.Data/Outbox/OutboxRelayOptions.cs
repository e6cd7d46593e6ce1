namespace FinFlow.Data.Outbox;

public sealed class OutboxRelayOptions
{
    /// <summary>Longest wait between scans when no NOTIFY arrives (NOTIFY is lost while the listener reconnects).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 100;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Exponential backoff per failed attempt, capped: a broker outage is not hammered.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var exponent = Math.Min(attempts - 1, 20);
        var delay = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent);
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}
