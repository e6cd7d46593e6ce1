namespace FinFlow.Payments.Refunds;

/// <summary><c>POST /payments/{id}/refund</c> body; without an amount, everything not yet refunded is returned.</summary>
public sealed record RefundRequest(decimal? Amount);
