namespace FinFlow.Sidecar.Resources;

/// <summary><c>bulkSubscribe</c> settings (daprd's defaults: 100 messages, 1000 ms).</summary>
public sealed record BulkSubscribeOptions(bool Enabled, int MaxMessagesCount = 100, int MaxAwaitDurationMs = 1000);
