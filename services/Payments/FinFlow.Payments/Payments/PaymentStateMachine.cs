using System.Collections.Frozen;

namespace FinFlow.Payments.Payments;

/// <summary>
/// The legal status changes. The database holds the same list (<c>payment_transitions</c>) and its trigger
/// refuses anything else, so the rule holds even for a statement this class never sees.
/// </summary>
public static class PaymentStateMachine
{
    private static readonly FrozenDictionary<PaymentStatus, PaymentStatus[]> Next = new Dictionary<PaymentStatus, PaymentStatus[]>
    {
        [PaymentStatus.Pending] = [PaymentStatus.Succeeded, PaymentStatus.Failed, PaymentStatus.RequiresAction],
        [PaymentStatus.RequiresAction] = [PaymentStatus.Succeeded, PaymentStatus.Failed],
        [PaymentStatus.Succeeded] = [PaymentStatus.PartiallyRefunded, PaymentStatus.Refunded],
        [PaymentStatus.PartiallyRefunded] = [PaymentStatus.Refunded],
        [PaymentStatus.Failed] = [],
        [PaymentStatus.Refunded] = [],
    }.ToFrozenDictionary();

    public static IEnumerable<(PaymentStatus From, PaymentStatus To)> Transitions =>
        Next.SelectMany(pair => pair.Value.Select(to => (pair.Key, to)));

    public static bool CanMove(PaymentStatus from, PaymentStatus to) => Next[from].Contains(to);

    /// <summary>Settled one way or the other by the processor: no processor event may change it any more (refunds still may).</summary>
    public static bool IsSettled(PaymentStatus status) => status is not (PaymentStatus.Pending or PaymentStatus.RequiresAction);

    public static bool IsRefundable(PaymentStatus status) => status is PaymentStatus.Succeeded or PaymentStatus.PartiallyRefunded;

    /// <summary>Counts against what an invoice still owes: everything except a failed attempt.</summary>
    public static bool HoldsMoney(PaymentStatus status) => status is not PaymentStatus.Failed;

    public static string ToCode(PaymentStatus status) => status switch
    {
        PaymentStatus.Pending => "PENDING",
        PaymentStatus.Succeeded => "SUCCEEDED",
        PaymentStatus.Failed => "FAILED",
        PaymentStatus.RequiresAction => "REQUIRES_ACTION",
        PaymentStatus.PartiallyRefunded => "PARTIALLY_REFUNDED",
        PaymentStatus.Refunded => "REFUNDED",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown payment status."),
    };

    public static bool TryParse(string? code, out PaymentStatus status)
    {
        foreach (var candidate in Enum.GetValues<PaymentStatus>())
        {
            if (string.Equals(ToCode(candidate), code, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }

    public static PaymentStatus Parse(string code) =>
        TryParse(code, out var status) ? status : throw new InvalidOperationException($"Unknown payment status '{code}' in the database.");
}
