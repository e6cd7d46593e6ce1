namespace FinFlow.Payments.Idempotency;

/// <summary>The lease on the idempotency key behind a payment, held while the service itself finishes that payment.</summary>
public sealed record PaymentLease(Guid UserId, string Key, Guid Token);
