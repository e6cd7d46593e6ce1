namespace FinFlow.Accounting.Payments;

/// <summary>A payment booked to Suspense because it could not be matched to an open invoice of its owner.</summary>
public sealed record UnmatchedPaymentView(
    Guid PaymentId, Guid InvoiceId, decimal Amount, decimal Fee, decimal Refunded, string Currency, string Reason, string ProcessorReference, DateTimeOffset ReceivedAt);
