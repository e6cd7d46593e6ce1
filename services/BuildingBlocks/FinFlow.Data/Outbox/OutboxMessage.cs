namespace FinFlow.Data.Outbox;

/// <summary>An event waiting in (or relayed from) the outbox; <see cref="Id"/> is its CloudEvent id.</summary>
public sealed record OutboxMessage(Guid Id, string Topic, string Payload, string? TraceParent, int Attempts);
