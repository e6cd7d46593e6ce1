namespace FinFlow.Sidecar.State;

/// <summary>The ETag is malformed for this store: 400 / InvalidArgument.</summary>
public sealed class StateETagInvalidException(string key, string etag)
    : Exception($"invalid etag value: {etag} for key {key}")
{
    public string Key { get; } = key;
}
