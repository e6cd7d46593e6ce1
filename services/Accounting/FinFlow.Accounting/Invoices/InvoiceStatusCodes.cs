using FinFlow.Contracts.Events;

namespace FinFlow.Accounting.Invoices;

/// <summary>The database and query-string spelling of <see cref="InvoiceStatus"/>, the same as its JSON form.</summary>
public static class InvoiceStatusCodes
{
    public static string ToCode(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Pending => "PENDING",
        InvoiceStatus.PartiallyPaid => "PARTIALLY_PAID",
        InvoiceStatus.Paid => "PAID",
        InvoiceStatus.Void => "VOID",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown invoice status."),
    };

    public static bool TryParse(string? code, out InvoiceStatus status)
    {
        foreach (var candidate in Enum.GetValues<InvoiceStatus>())
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

    /// <summary>Unpaid and past due on the given day; paid and void invoices are never overdue.</summary>
    public static bool IsOverdue(InvoiceStatus status, DateOnly dueDate, DateOnly today) =>
        status is InvoiceStatus.Pending or InvoiceStatus.PartiallyPaid && dueDate < today;
}
