namespace FinFlow.Accounting.Payments;

/// <summary>
/// A payment applied to an invoice: <c>applied</c> reduced what was owed, <c>credit</c> is the over-payment
/// kept as a customer credit, <c>fee</c> what the processor kept, <c>refunded</c> what went back.
/// </summary>
public sealed record InvoicePaymentView(
    Guid PaymentId, decimal Amount, decimal Applied, decimal Credit, decimal Fee, decimal Refunded, string ProcessorReference, DateTimeOffset CompletedAt);
