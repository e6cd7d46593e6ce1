namespace FinFlow.Sidecar.Tests.PubSub;

/// <summary>The event the pub/sub tests publish; <see cref="Mode"/> tells the test app how to answer.</summary>
public sealed record TestEvent(string Run, int Seq, string? Mode = null);
