namespace FinFlow.Accounting.Payments;

/// <summary>The answer to a pub/sub delivery: <c>SUCCESS</c>, <c>RETRY</c> or <c>DROP</c> (to the dead-letter topic), as Dapr reads it.</summary>
public sealed record DeliveryReply(string Status);
