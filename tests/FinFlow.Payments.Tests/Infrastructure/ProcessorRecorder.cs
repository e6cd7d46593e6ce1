using System.Collections.Concurrent;
using FinFlow.Accounting.Domain.Monetary;
using FinFlow.Payments.Processing;

namespace FinFlow.Payments.Tests.Infrastructure;

/// <summary>
/// Wraps the app's real processor to count the calls that reach it, and can make the next charges fail as
/// an unreachable processor would (before anything is charged), to exercise retries with the same key.
/// </summary>
public sealed class ProcessorRecorder
{
    private int _failNextCharges;

    public ConcurrentQueue<ProcessorChargeRequest> Charges { get; } = new();

    public void FailNextCharges(int count) => Interlocked.Exchange(ref _failNextCharges, count);

    public int ChargesFor(Guid paymentId) => Charges.Count(c => c.PaymentId == paymentId);

    public int ChargesForInvoice(Guid invoiceId) => Charges.Count(c => c.InvoiceId == invoiceId);

    internal IPaymentProcessor Wrap(IPaymentProcessor inner) => new Recording(inner, this);

    private bool ShouldFail()
    {
        while (true)
        {
            var left = Volatile.Read(ref _failNextCharges);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _failNextCharges, left - 1, left) == left) return true;
        }
    }

    private sealed class Recording(IPaymentProcessor inner, ProcessorRecorder recorder) : IPaymentProcessor
    {
        public string Name => inner.Name;

        public Task<ProcessorChargeResult> ChargeAsync(ProcessorChargeRequest request, CancellationToken cancellationToken)
        {
            recorder.Charges.Enqueue(request);
            if (recorder.ShouldFail()) throw new ProcessorUnavailableException("Injected outage.");
            return inner.ChargeAsync(request, cancellationToken);
        }

        public Task<ProcessorRefundResult> RefundAsync(ProcessorRefundRequest request, CancellationToken cancellationToken) =>
            inner.RefundAsync(request, cancellationToken);

        public Task<long?> FindFeeAsync(string processorPaymentId, Money amount, CancellationToken cancellationToken) =>
            inner.FindFeeAsync(processorPaymentId, amount, cancellationToken);
    }
}
