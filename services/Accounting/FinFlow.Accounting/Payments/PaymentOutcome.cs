namespace FinFlow.Accounting.Payments;

/// <summary>What handling one payment event did; the subscription maps it to the Dapr delivery status.</summary>
public enum PaymentOutcome
{
    /// <summary>Posted against its invoice.</summary>
    Applied,

    /// <summary>Posted against Suspense and listed as unmatched: unknown or void invoice, wrong currency.</summary>
    Unmatched,

    /// <summary>Seen before (same event or same payment/refund id): nothing changed.</summary>
    Duplicate,

    /// <summary>Malformed (bad amount, fee above amount, unknown currency): dropped to the dead-letter topic.</summary>
    Invalid,

    /// <summary>Cannot be applied yet (a refund before its payment): nothing changed, deliver again later.</summary>
    Retry,
}
