namespace FinFlow.Sidecar.PubSub;

/// <summary>One entry of a bulk publish: each is wrapped in its own envelope (unless raw or already a CloudEvent).</summary>
public sealed record BulkPublishEntry(string EntryId, byte[] Event, string? ContentType, IReadOnlyDictionary<string, string> Metadata);
