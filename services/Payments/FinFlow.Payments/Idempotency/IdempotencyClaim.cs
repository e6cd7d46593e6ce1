namespace FinFlow.Payments.Idempotency;

/// <summary>
/// The outcome of claiming a key. An owner holds <see cref="LeaseToken"/>; <see cref="PaymentId"/> is set when
/// it resumes a request that had already created its payment.
/// </summary>
public sealed record IdempotencyClaim(ClaimStatus Status, Guid LeaseToken = default, Guid? PaymentId = null, StoredAnswer? Answer = null);
