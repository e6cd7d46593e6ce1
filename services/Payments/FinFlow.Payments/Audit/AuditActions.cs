namespace FinFlow.Payments.Audit;

/// <summary>The <c>action</c> values of <c>audit_log</c>; the <c>outcome</c> column says how each ended.</summary>
public static class AuditActions
{
    public const string Charge = "charge";
    public const string Webhook = "webhook";
    public const string Refund = "refund";

    /// <summary>A payment reached its final processor state (from the charge answer or a webhook).</summary>
    public const string Settlement = "settlement";
}
