namespace FinFlow.Sidecar.PubSub;

/// <summary>
/// One broker message: the bytes (normally a CloudEvent JSON envelope) and the publish metadata that
/// travels with it, which daprd hands to the app as HTTP headers on delivery.
/// </summary>
public sealed record PubSubMessage(string Topic, byte[] Data, IReadOnlyDictionary<string, string> Metadata);
