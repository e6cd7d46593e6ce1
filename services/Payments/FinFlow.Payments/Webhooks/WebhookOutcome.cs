namespace FinFlow.Payments.Webhooks;

/// <summary>What a verified webhook did; the acknowledgement carries it and the audit log records it.</summary>
public enum WebhookOutcome
{
    /// <summary>The payment moved to the state the event reports.</summary>
    Applied,

    /// <summary>This event id was processed before.</summary>
    Duplicate,

    /// <summary>The payment is already in that state or past it (a late or out-of-order event), or the event changes no state.</summary>
    NoChange,

    /// <summary>A type this service does not act on.</summary>
    UnhandledType,

    /// <summary>No payment of ours matches the event's object.</summary>
    UnknownPayment,
}
