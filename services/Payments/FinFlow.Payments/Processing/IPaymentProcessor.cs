using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Payments.Processing;

/// <summary>
/// The payment processor port. Every call carries an idempotency key derived from our own ids, so a call
/// repeated after a crash or a timeout reaches the same processor object instead of charging again.
/// Transient trouble (network, rate limit, 5xx) surfaces as <see cref="ProcessorUnavailableException"/>.
/// </summary>
public interface IPaymentProcessor
{
    /// <summary><c>stripe</c> or <c>simulated</c>, stored on each payment.</summary>
    string Name { get; }

    /// <summary>Creates and confirms a payment. Declines are a <see cref="ProcessorOutcome.Failed"/> result, not an exception.</summary>
    Task<ProcessorChargeResult> ChargeAsync(ProcessorChargeRequest request, CancellationToken cancellationToken);

    Task<ProcessorRefundResult> RefundAsync(ProcessorRefundRequest request, CancellationToken cancellationToken);

    /// <summary>What the processor kept of a settled payment, in minor units; null when it cannot say (yet).</summary>
    Task<long?> FindFeeAsync(string processorPaymentId, Money amount, CancellationToken cancellationToken);
}
