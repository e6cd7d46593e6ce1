using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Payments.Processing;

/// <summary>A charge as the processor sees it: our ids travel as metadata so webhooks find their payment.</summary>
public sealed record ProcessorChargeRequest(Guid PaymentId, Guid UserId, Guid InvoiceId, Money Amount, string PaymentMethod)
{
    /// <summary>One per payment: a resumed or retried charge sends the same key, and the processor answers with the same object.</summary>
    public string IdempotencyKey => $"finflow-payment-{PaymentId:N}";
}
