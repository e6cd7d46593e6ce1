namespace FinFlow.Sidecar.State;

/// <summary>The ETag sent does not match the stored one (or the key does not exist): 409 / Aborted.</summary>
public sealed class StateETagMismatchException(string key)
    : Exception($"possible etag mismatch. error from state store: ETag mismatch for key {key}")
{
    public string Key { get; } = key;
}
