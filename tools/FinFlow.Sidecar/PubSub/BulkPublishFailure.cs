namespace FinFlow.Sidecar.PubSub;

/// <summary>An entry the broker refused, reported back in <c>failedEntries</c>.</summary>
public sealed record BulkPublishFailure(string EntryId, string Error);
