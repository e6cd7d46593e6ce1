namespace FinFlow.Sidecar.Actors;

/// <summary>One operation of an actor state transaction as received (HTTP JSON or gRPC), before validation.</summary>
public sealed record ActorStateOperation(string Operation, string? Key, byte[]? Value, string? ETag, IReadOnlyDictionary<string, string> Metadata);
