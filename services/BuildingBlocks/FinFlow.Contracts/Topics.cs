namespace FinFlow.Contracts;

/// <summary>Pub/sub topic names (snake_case, as in the platform specification).</summary>
public static class Topics
{
    public const string InvoiceCreated = "invoice_created";
    public const string InvoicePaid = "invoice_paid";
    public const string PaymentCompleted = "payment_completed";
    public const string PaymentFailed = "payment_failed";
    public const string PaymentRefunded = "payment_refunded";
    public const string UserDeleted = "user_deleted";
    public const string ReconciliationCompleted = "reconciliation_completed";
    public const string CashflowForecast = "cashflow_forecast";

    /// <summary>Where messages go after the resiliency policy gives up on them.</summary>
    public static string DeadLetter(string topic) => $"{topic}_dead_letter";

    public static IReadOnlyList<string> All { get; } =
    [
        InvoiceCreated, InvoicePaid, PaymentCompleted, PaymentFailed, PaymentRefunded,
        UserDeleted, ReconciliationCompleted, CashflowForecast,
    ];
}
