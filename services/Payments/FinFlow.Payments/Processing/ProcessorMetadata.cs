namespace FinFlow.Payments.Processing;

/// <summary>Metadata keys FinFlow puts on processor objects, so a webhook leads back to its payment even before we stored the processor's id.</summary>
public static class ProcessorMetadata
{
    public const string PaymentId = "finflow_payment_id";
    public const string InvoiceId = "finflow_invoice_id";
    public const string UserId = "finflow_user_id";
    public const string RefundId = "finflow_refund_id";
}
