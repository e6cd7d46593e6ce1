using FinFlow.Accounting.Domain.Monetary;

namespace FinFlow.Payments.Processing;

public sealed record ProcessorRefundRequest(Guid RefundId, Guid PaymentId, string ProcessorPaymentId, Money Amount)
{
    public string IdempotencyKey => $"finflow-refund-{RefundId:N}";
}
