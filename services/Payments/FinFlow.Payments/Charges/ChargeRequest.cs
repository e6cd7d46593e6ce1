namespace FinFlow.Payments.Charges;

/// <summary>
/// <c>POST /payments/charge</c> body. Everything is nullable and checked by <see cref="ChargeCommand"/> so each
/// problem is reported under its field name. <c>source</c> is a payment-method token (<c>pm_card_visa</c>).
/// </summary>
public sealed record ChargeRequest(Guid? InvoiceId, decimal? Amount, string? Currency, string? Source);
